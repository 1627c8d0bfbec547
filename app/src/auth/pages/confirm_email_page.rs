use crate::{
    auth::{api::ConfirmAccountEmail, session::use_session},
    ui::{
        form::{FormError, SubmitButton},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Confirming an account's address from the emailed link. The link opens this page; the
/// button confirms (mail scanners follow links, so a link alone never changes anything).
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let action = ServerAction::<ConfirmAccountEmail>::new();
    use_session().refresh_after(action);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let done = move || query.read().get("done").is_some();
    view! {
        <PageTitle text="Confirm your email address · MembersNet" />
        <section class="card narrow">
            <h1>"Confirm your email address"</h1>
            <QueryNotice key="done" text="Thank you: your address is confirmed, and you are signed in." />
            <Show when=move || !done()>
                <FormError error=error />
                <p>"Confirm that this address is yours, so your account can look after your sign-ups and what you agreed to hear about."</p>
                <ActionForm action=action>
                    <input type="hidden" name="token" value=token />
                    <SubmitButton label="Confirm my address" pending=action.pending() />
                </ActionForm>
            </Show>
            <p><a href="/events">"Find events near you"</a> " · " <a href="/profile">"Your profile"</a></p>
        </section>
    }
}
