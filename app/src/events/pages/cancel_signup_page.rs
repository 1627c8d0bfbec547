use crate::ui::page_title::PageTitle;
use crate::{
    events::api::CancelSignup,
    ui::{
        form::{FormError, SubmitButton},
        notice::QueryNotice,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Cancelling from the emailed link. The link opens this page; the button cancels (a link
/// alone never changes anything, as mail scanners follow links).
#[component]
pub fn CancelSignupPage() -> impl IntoView {
    let action = ServerAction::<CancelSignup>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let done = move || query.read().get("done").is_some();
    view! {
        <PageTitle text="Cancel your place · MembersNet" />
        <section class="card narrow">
            <h1>"Cancel your place"</h1>
            <QueryNotice key="done" text="Your place is cancelled. Thank you for letting the hosts know." />
            <Show when=move || !done()>
                <FormError error=error />
                <p>"Can't make it after all? Cancelling frees your place for someone on the waitlist."</p>
                <ActionForm action=action>
                    <input type="hidden" name="token" value=token />
                    <SubmitButton label="Cancel my place" pending=action.pending() />
                </ActionForm>
            </Show>
            <p><a href="/events">"Find another event"</a></p>
        </section>
    }
}
