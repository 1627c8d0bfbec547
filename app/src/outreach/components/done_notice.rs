//! The confirmation of the form just sent, read from the page address.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Shows what the `?done=` a form redirected back with means, when `text` knows it. Works
/// the same with and without JavaScript.
#[component]
pub fn DoneNotice(text: fn(&str) -> Option<&'static str>) -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .read()
            .get("done")
            .and_then(|done| text(&done))
            .map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })
    }
}
