use crate::{
    outreach::api::ConfirmConsent,
    ui::{
        form::{FormError, SubmitButton},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// Confirming, from the link in a sign-up email, that the address's owner wants emails.
/// The link opens this page; the button confirms (mail scanners follow links, so a link
/// alone never changes anything).
#[component]
pub fn ConfirmConsentPage() -> impl IntoView {
    let action = ServerAction::<ConfirmConsent>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    view! {
        <PageTitle text="Confirm you want emails · MembersNet" />
        <section class="card narrow">
            <h1>"Confirm you want emails from us"</h1>
            <FormError error=error />
            <p>
                "You ticked a box asking for news about events and campaigns. Confirm it was you, and we will start emailing this address. You can stop at any time from any email."
            </p>
            <ActionForm action=action>
                <input type="hidden" name="token" value=token />
                <SubmitButton label="Yes, email me" pending=action.pending() />
            </ActionForm>
            <p><a href="/events">"Find an event"</a></p>
        </section>
    }
}

/// Where a confirmed link lands.
#[component]
pub fn ConsentConfirmedPage() -> impl IntoView {
    view! {
        <PageTitle text="Thank you · MembersNet" />
        <section class="card narrow">
            <h1>"Thank you"</h1>
            <p class="notice notice-success" role="status">
                "Your address is confirmed. Change what we send you at any time from the link at the foot of every email."
            </p>
            <p><a href="/events">"Find an event"</a></p>
        </section>
    }
}
