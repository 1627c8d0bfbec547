use super::mobile_section::MobileSection;
use crate::ui::page_title::PageTitle;
use crate::{
    auth::{api::ResendEmailConfirmation, model::PersonView, session::use_session},
    people::api::UpdateProfile,
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The signed-in person's profile: edit it, or delete the account. What other domains add
/// (how many people their share links brought, deleting the account) comes in as
/// `referrals` and `erasure`, put in by the page's assembly above the domains.
#[component]
pub fn ProfilePage(referrals: fn() -> AnyView, erasure: fn() -> AnyView) -> impl IntoView {
    let session = use_session();
    view! {
        <PageTitle text="Your profile · MembersNet" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match session.person.await.ok().flatten() {
                    Some(person) => view! { <ProfileForms person referrals erasure /> }.into_any(),
                    None => view! { <SignInPrompt /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileForms(
    person: PersonView,
    referrals: fn() -> AnyView,
    erasure: fn() -> AnyView,
) -> impl IntoView {
    let session = use_session();
    let update = ServerAction::<UpdateProfile>::new();
    session.refresh_after(update);
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
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
            {referrals()}
            <p><a href="/preferences">"Communication preferences"</a></p>
            <QueryNotice key="saved" text="Your profile has been saved." />
            <FormError error=update_error />
            <ActionForm action=update>
                <TextField label="Your name" name="name" autocomplete="name" value=person.name.clone() error=update_error required=true />
                <TextField label="Postcode (optional)" name="postcode" autocomplete="postal-code" value=person.postcode.clone().unwrap_or_default() error=update_error />
                <SubmitButton label="Save profile" pending=update.pending() />
            </ActionForm>
        </section>
        <MobileSection />
        {erasure()}
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
