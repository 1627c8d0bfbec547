use crate::ui::page_title::PageTitle;
use crate::{
    auth::{api::ResendEmailConfirmation, model::PersonView, session::use_session},
    events::components::brought_count::BroughtCount,
    people::api::{DeleteAccount, UpdateProfile},
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The signed-in person's profile: edit it, or delete the account.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = use_session();
    view! {
        <PageTitle text="Your profile · MembersNet" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match session.person.await.ok().flatten() {
                    Some(person) => view! { <ProfileForms person /> }.into_any(),
                    None => view! { <SignInPrompt /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileForms(person: PersonView) -> impl IntoView {
    let session = use_session();
    let update = ServerAction::<UpdateProfile>::new();
    session.refresh_after(update);
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let delete = ServerAction::<DeleteAccount>::new();
    session.refresh_after(delete);
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err));
    let roles = person
        .roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="card narrow">
            <h1>"Your profile"</h1>
            <p class="muted">"Signed in as " <strong>{person.email.clone()}</strong></p>
            {(!person.email_confirmed).then(|| view! { <ConfirmEmailNotice /> })}
            {(!roles.is_empty()).then(|| view! { <p class="badges">{roles}</p> })}
            <BroughtCount />
            <p><a href="/preferences">"Communication preferences"</a></p>
            <QueryNotice key="saved" text="Your profile has been saved." />
            <FormError error=update_error />
            <ActionForm action=update>
                <TextField label="Your name" name="name" autocomplete="name" value=person.name.clone() error=update_error required=true />
                <TextField label="Postcode (optional)" name="postcode" autocomplete="postal-code" value=person.postcode.clone().unwrap_or_default() error=update_error />
                <SubmitButton label="Save profile" pending=update.pending() />
            </ActionForm>
        </section>
        <section class="card narrow danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete your account"</h2>
            <p>"This removes your account and everything about you from MembersNet, at once and for good."</p>
            <FormError error=delete_error />
            <ActionForm action=delete>
                <TextField label="Your password, to confirm" name="password" kind="password" autocomplete="current-password" error=delete_error required=true />
                <SubmitButton label="Delete my account" class="button button-danger" pending=delete.pending() />
            </ActionForm>
        </section>
    }
}

/// Asks a person whose address is not confirmed yet to use the emailed link, and sends
/// it again on request.
#[component]
fn ConfirmEmailNotice() -> impl IntoView {
    let resend = ServerAction::<ResendEmailConfirmation>::new();
    let error = Signal::derive(move || resend.value().get().and_then(Result::err));
    view! {
        <div class="notice" role="note" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">"Confirm your email address"</h2>
            <p>"We emailed you a link. Until you use it, your account cannot see or change sign-ups made under your address, nor what it agreed to hear about."</p>
            <QueryNotice key="sent" text="We have sent you a new link." />
            <FormError error=error />
            <ActionForm action=resend attr:class="inline-form">
                <SubmitButton label="Send the link again" class="button button-small" pending=resend.pending() />
            </ActionForm>
        </div>
    }
}

/// Shown to visitors who open a page that needs an account.
#[component]
pub fn SignInPrompt() -> impl IntoView {
    view! {
        <section class="card narrow">
            <h1>"Please sign in"</h1>
            <p>"You need to be signed in to see this page."</p>
            <p>
                <a class="button" href="/sign-in">"Sign in"</a>
                " or "
                <a href="/sign-up">"create an account"</a>
            </p>
        </section>
    }
}
