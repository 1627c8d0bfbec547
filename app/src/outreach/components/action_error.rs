//! The error of a form whose fields are not on it.

use crate::error::AppError;
use leptos::prelude::*;

/// Any error of a form, field errors included. For forms such as "Send" that act on what
/// was saved elsewhere: a field error (an unknown merge field in the body) has no field
/// here to sit beside, so it is shown whole, next to the button.
#[component]
pub fn ActionError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <p class="notice notice-error" role="alert">{e.to_string()}</p> })
    }
}
