//! The visitors' forms on sites and in widgets (stay in touch, sign up to an event), as
//! plain HTML forms: each error beside its field, what was typed kept after a refusal.

pub use crate::ui::plain_form::Echo;
use crate::ui::plain_form::{field, form_error, tick_box};
use crate::{
    events::model::{SlotView, CONSENT_EMAIL_WORDING, CONSENT_SMS_WORDING},
    sites::model::{JOIN_EMAIL_WORDING, JOIN_SMS_WORDING},
};
use leptos::prelude::*;

/// The hidden token a widget's form carries instead of a session.
fn token_input(token: Option<String>) -> impl IntoView {
    token.map(|t| view! { <input type="hidden" name="token" value=t /> })
}

/// "Stay in touch": name, email, postcode, optional mobile, and unticked consent boxes.
pub fn join_form(action: String, token: Option<String>, echo: &Echo) -> impl IntoView {
    view! {
        <form class="site-form" method="post" action=action>
            {form_error(echo)}
            {token_input(token)}
            {field("join", "Your name", "name", "text", "name", true, echo)}
            {field("join", "Email address", "email", "email", "email", true, echo)}
            {field("join", "Postcode", "postcode", "text", "postal-code", true, echo)}
            {field("join", "Mobile number", "phone", "tel", "tel", false, echo)}
            {tick_box("join", "consent_email", JOIN_EMAIL_WORDING, echo)}
            {tick_box("join", "consent_sms", JOIN_SMS_WORDING, echo)}
            <button type="submit" class="button">"Stay in touch"</button>
        </form>
    }
}

/// An event's sign-up form: the date or shift, then a guest's details and consent boxes.
pub fn sign_up_form(
    action: String,
    slots: &[SlotView],
    token: Option<String>,
    echo: &Echo,
) -> impl IntoView {
    let chosen = echo.value("slot_id");
    let options = slots
        .iter()
        .map(|s| {
            let selected = chosen == s.id.to_string();
            let full = s.places_left == Some(0);
            let text = if full {
                format!("{} (full: join the waitlist)", s.describe())
            } else {
                s.describe()
            };
            view! { <option value=s.id selected=selected>{text}</option> }
        })
        .collect_view();
    let slot_message = echo.message_for("slot_id");
    view! {
        <form class="site-form" method="post" action=action>
            {form_error(echo)}
            {token_input(token)}
            <div class="field">
                <label for="signup-slot_id">"When"</label>
                {slot_message.map(|m| view! { <p class="field-error">{m}</p> })}
                <select id="signup-slot_id" name="slot_id">{options}</select>
            </div>
            {field("signup", "Your name", "name", "text", "name", true, echo)}
            {field("signup", "Email address", "email", "email", "email", true, echo)}
            {field("signup", "Mobile number", "phone", "tel", "tel", false, echo)}
            {field("signup", "Postcode", "postcode", "text", "postal-code", false, echo)}
            {tick_box("signup", "consent_email", CONSENT_EMAIL_WORDING, echo)}
            {tick_box("signup", "consent_sms", CONSENT_SMS_WORDING, echo)}
            <button type="submit" class="button">"Sign up"</button>
        </form>
    }
}
