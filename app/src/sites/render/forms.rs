//! The visitors' forms on sites and in widgets (stay in touch, sign up to an event), as
//! plain HTML forms: each error beside its field, what was typed kept after a refusal.

use crate::{
    error::AppError,
    events::model::{SlotView, CONSENT_EMAIL_WORDING, CONSENT_SMS_WORDING},
    sites::model::{JOIN_EMAIL_WORDING, JOIN_SMS_WORDING},
};
use leptos::prelude::*;
use std::collections::HashMap;

/// A form sent back: what was typed, and what was wrong.
#[derive(Debug, Clone, Default)]
pub struct Echo {
    pub values: HashMap<String, String>,
    pub error: Option<AppError>,
}

impl Echo {
    pub fn new(values: HashMap<String, String>, error: AppError) -> Self {
        Self {
            values,
            error: Some(error),
        }
    }

    fn value(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }

    fn ticked(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    fn message_for(&self, name: &str) -> Option<String> {
        self.error.as_ref().and_then(|e| e.message_for(name))
    }

    /// The error that is not about one field.
    fn form_message(&self) -> Option<String> {
        self.error
            .as_ref()
            .filter(|e| !e.is_field_error())
            .map(ToString::to_string)
    }
}

/// `prefix` keeps ids unique when a page has two forms.
fn field(
    prefix: &str,
    label: &'static str,
    name: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    required: bool,
    echo: &Echo,
) -> impl IntoView {
    let id = format!("{prefix}-{name}");
    let error_id = format!("{id}-error");
    let message = echo.message_for(name);
    let invalid = message.is_some();
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{label}{(!required).then_some(" (optional)")}</label>
            {message.map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <input id=id type=kind name=name autocomplete=autocomplete value=echo.value(name)
                required=required aria-invalid=if invalid { "true" } else { "false" }
                aria-describedby=invalid.then_some(error_id) />
        </div>
    }
}

fn tick_box(prefix: &str, name: &'static str, wording: &'static str, echo: &Echo) -> impl IntoView {
    let id = format!("{prefix}-{name}");
    view! {
        <div class="field field-checkbox">
            <input id=id.clone() type="checkbox" name=name value="yes" checked=echo.ticked(name) />
            <label for=id>{wording}</label>
        </div>
    }
}

fn form_error(echo: &Echo) -> impl IntoView {
    echo.form_message()
        .map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })
}

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
