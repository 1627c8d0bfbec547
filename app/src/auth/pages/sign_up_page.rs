use crate::ui::page_title::PageTitle;
use crate::{
    auth::api::SignUp,
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Create an account: name, email, password, and optionally a postcode. The account is
/// signed in from the link emailed to the address, so the form never says whether the
/// address already has one.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    view! {
        <PageTitle text="Create an account · MembersNet" />
        <section class="card narrow">
            <h1>"Create an account"</h1>
            <Show
                when=sent
                fallback=move || {
                    view! {
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
                    }
                }
            >
                <p class="notice notice-success" role="status">
                    "Check your email: we have sent a link to the address you gave. Open it to \
                     confirm the address and sign in (it works for 7 days)."
                </p>
                <p>"Nothing arrived? Check your spam folder, or " <a href="/sign-up">"try again"</a> "."</p>
            </Show>
        </section>
    }
}
