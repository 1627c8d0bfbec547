//! One-line notices that confirm something happened.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Shows `text` when the page's address has the query key `key` (set by a redirect after a
/// form succeeds, so it works without JavaScript too).
#[component]
pub fn QueryNotice(key: &'static str, text: &'static str) -> impl IntoView {
    let query = use_query_map();
    move || {
        query.read().get(key).map(|_| {
            view! {
                <p class="notice notice-success" role="status">
                    {text}
                </p>
            }
        })
    }
}
