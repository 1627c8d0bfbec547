use crate::ui::page_title::PageTitle;
use crate::{
    auth::api::RequestPasswordReset,
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Ask for a password reset link by email.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Reset your password · MembersNet" />
        <section class="card narrow">
            <h1>"Reset your password"</h1>
            <QueryNotice key="sent" text="If that email has an account, we have sent it a link to choose a new password. The link works for an hour." />
            <p>"Enter the email you signed up with and we will send you a link."</p>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Email" name="email" kind="email" autocomplete="email" error=error required=true />
                <SubmitButton label="Send reset link" pending=action.pending() />
            </ActionForm>
            <p>
                <a href="/sign-in">"Back to sign in"</a>
            </p>
        </section>
    }
}
