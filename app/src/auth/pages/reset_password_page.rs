use crate::ui::page_title::PageTitle;
use crate::{
    auth::api::ResetPassword,
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Choose a new password from an emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    view! {
        <PageTitle text="Choose a new password · MembersNet" />
        <section class="card narrow">
            <h1>"Choose a new password"</h1>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="token" value=token />
                <TextField label="New password" name="password" kind="password" autocomplete="new-password" hint="At least 10 characters." error=error required=true />
                <SubmitButton label="Save new password" pending=action.pending() />
            </ActionForm>
            <p>
                <a href="/reset-password">"Ask for a new link"</a>
            </p>
        </section>
    }
}
