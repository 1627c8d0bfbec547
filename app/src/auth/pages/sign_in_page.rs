use crate::ui::page_title::PageTitle;
use crate::{
    auth::{api::SignIn, session::use_session},
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Sign in with email and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    use_session().refresh_after(action);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Sign in · MembersNet" />
        <section class="card narrow">
            <h1>"Sign in"</h1>
            <QueryNotice key="reset" text="Your password has been changed. Sign in with your new password." />
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Email" name="email" kind="email" autocomplete="email" error=error required=true />
                <TextField label="Password" name="password" kind="password" autocomplete="current-password" error=error required=true />
                <SubmitButton label="Sign in" pending=action.pending() />
            </ActionForm>
            <p>
                <a href="/reset-password">"Forgotten your password?"</a>
            </p>
            <p>"New to MembersNet? " <a href="/sign-up">"Create an account"</a></p>
        </section>
    }
}
