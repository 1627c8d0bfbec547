//! Plain HTML forms for pages drawn on the server without WASM (group sites, widgets,
//! donation pages): each error beside its field, what was typed kept after a refusal.

use crate::error::AppError;
use leptos::{prelude::*, tachys::view::RenderHtml};
use std::collections::HashMap;

/// A form's fields as posted.
pub type Fields = HashMap<String, String>;

/// A posted field's text; empty when the form did not send it.
pub fn posted<'f>(form: &'f Fields, name: &str) -> &'f str {
    form.get(name).map_or("", String::as_str)
}

/// Draws `view` to an HTML string, inside its own reactive owner.
pub fn to_html<V: RenderHtml>(view: impl FnOnce() -> V) -> String {
    Owner::new().with(|| view().to_html())
}

/// A form sent back: what was typed, and what was wrong.
#[derive(Debug, Clone, Default)]
pub struct Echo {
    pub values: Fields,
    pub error: Option<AppError>,
}

impl Echo {
    pub fn new(values: Fields, error: AppError) -> Self {
        Self {
            values,
            error: Some(error),
        }
    }

    pub fn value(&self, name: &str) -> String {
        self.values.get(name).cloned().unwrap_or_default()
    }

    pub fn ticked(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    pub fn message_for(&self, name: &str) -> Option<String> {
        self.error.as_ref().and_then(|e| e.message_for(name))
    }

    /// The error that is not about one field.
    pub fn form_message(&self) -> Option<String> {
        self.error
            .as_ref()
            .filter(|e| !e.is_field_error())
            .map(ToString::to_string)
    }
}

/// `prefix` keeps ids unique when a page has two forms.
pub fn field(
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

pub fn tick_box(
    prefix: &str,
    name: &'static str,
    wording: &'static str,
    echo: &Echo,
) -> impl IntoView {
    let id = format!("{prefix}-{name}");
    view! {
        <div class="field field-checkbox">
            <input id=id.clone() type="checkbox" name=name value="yes" checked=echo.ticked(name) />
            <label for=id>{wording}</label>
        </div>
    }
}

pub fn form_error(echo: &Echo) -> impl IntoView {
    echo.form_message()
        .map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })
}
