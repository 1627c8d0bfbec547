use crate::ui::page_title::PageTitle;
use crate::{
    auth::{api::SignUp, session::use_session},
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// Create an account: name, email, password, and optionally a postcode.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    use_session().refresh_after(action);
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Create an account · MembersNet" />
        <section class="card narrow">
            <h1>"Create an account"</h1>
            <p class="lede">"Find events near you, join groups and organise with friends."</p>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Your name" name="name" autocomplete="name" error=error required=true />
                <TextField label="Email" name="email" kind="email" autocomplete="email" error=error required=true />
                <TextField label="Password" name="password" kind="password" autocomplete="new-password" hint="At least 10 characters. A few words together are easy to remember and hard to guess." error=error required=true />
                <TextField label="Postcode (optional)" name="postcode" autocomplete="postal-code" hint="So we can show you events and groups nearby." error=error />
                <SubmitButton label="Create account" pending=action.pending() />
            </ActionForm>
            <p>"Already have an account? " <a href="/sign-in">"Sign in"</a></p>
        </section>
    }
}
