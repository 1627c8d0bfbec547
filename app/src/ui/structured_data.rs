//! schema.org data for search engines, as a `<script type="application/ld+json">`.

use leptos::prelude::*;

/// `json`, already escaped for a script element (`ui::escape::json_in_script`). Not run
/// as script, but the CSP nonce is added all the same so no browser warns about it.
#[component]
pub fn StructuredData(json: String) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="application/ld+json" nonce=nonce inner_html=json></script> }
}
