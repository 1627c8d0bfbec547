use crate::{
    auth::session::use_session,
    events::{
        api::SignUpForEvent,
        model::{SlotView, CONSENT_CALLS_WORDING, CONSENT_EMAIL_WORDING, CONSENT_SMS_WORDING},
    },
    ui::form::{CheckboxField, FormError, SubmitButton, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// Signing up: one click for a signed-in person, a short form for a guest.
#[component]
pub fn SignUpForm(slots: Vec<SlotView>, referrer: Option<i32>) -> impl IntoView {
    let action = ServerAction::<SignUpForEvent>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let session = use_session();
    let full = slots.iter().all(|s| s.places_left == Some(0));
    let button = if full { "Join the waitlist" } else { "Sign up" };
    view! {
        <section class="card sign-up" aria-labelledby="sign-up-heading">
            <h2 id="sign-up-heading">{if full { "This event is full" } else { "Sign up" }}</h2>
            <FormError error=error />
            <Transition fallback=|| ()>
                {
                    let slots = slots.clone();
                    move || {
                        let slots = slots.clone();
                        Suspend::new(async move {
                            let me = session.person.await.ok().flatten();
                            view! {
                                <ActionForm action=action>
                                    {referrer.map(|id| view! { <input type="hidden" name="referrer" value=id /> })}
                                    <SlotChoice slots=slots.clone() />
                                    {match me {
                                        Some(person) => view! {
                                            <p>"Signing up as " <strong>{person.name}</strong> " (" {person.email} ")."</p>
                                            // With a confirmed mobile, agreeing to texts or calls is one tick.
                                            {person.mobile.is_some().then(|| view! {
                                                <CheckboxField label=CONSENT_SMS_WORDING name="consent_sms" />
                                            })}
                                            // Calls only from the proven owner of the address and the number.
                                            {(person.mobile.is_some() && person.email_confirmed).then(|| view! {
                                                <CheckboxField label=CONSENT_CALLS_WORDING name="consent_calls" />
                                            })}
                                        }.into_any(),
                                        None => view! { <GuestFields error=error /> }.into_any(),
                                    }}
                                    <SubmitButton label=button pending=action.pending() />
                                </ActionForm>
                            }
                        })
                    }
                }
            </Transition>
        </section>
    }
}

/// The slot to sign up to: hidden when there is one, a choice when there are several.
#[component]
fn SlotChoice(slots: Vec<SlotView>) -> impl IntoView {
    if let [only] = slots.as_slice() {
        return view! { <input type="hidden" name="slot_id" value=only.id /> }.into_any();
    }
    view! {
        <fieldset class="field">
            <legend>"Choose a date or shift"</legend>
            {slots
                .into_iter()
                .enumerate()
                .map(|(i, slot)| {
                    let id = format!("slot-{}", slot.id);
                    let full = if slot.places_left == Some(0) { " (full: waitlist)" } else { "" };
                    let label = format!("{}{full}", slot.describe());
                    view! {
                        <div class="field-checkbox">
                            <input type="radio" id=id.clone() name="slot_id" value=slot.id checked=i == 0 />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}

#[component]
fn GuestFields(error: Signal<Option<crate::error::AppError>>) -> impl IntoView {
    view! {
        <TextField label="Your name" name="name" autocomplete="name" error=error required=true />
        <TextField label="Email" name="email" kind="email" autocomplete="email" error=error required=true />
        <TextField label="Mobile (optional)" name="phone" kind="tel" autocomplete="tel" error=error />
        <TextField label="Postcode (optional)" name="postcode" autocomplete="postal-code" error=error />
        <CheckboxField label=CONSENT_EMAIL_WORDING name="consent_email" />
        <CheckboxField label=CONSENT_SMS_WORDING name="consent_sms" />
        <p class="muted small">
            "No account needed. Only the hosts see your details. If you tick a box, we first \
             check it was you: a link by email, or a text asking you to reply YES."
        </p>
    }
}
