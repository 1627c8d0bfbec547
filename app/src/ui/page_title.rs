//! The page's `<title>`, safe for names that strangers choose.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the document title. leptos_meta writes a title's text into the server's HTML as
/// it is, so on the server the text is escaped first (an event called
/// `</title><meta http-equiv="refresh" …>` must stay a title); in the browser it is set
/// through `document.title`, which takes plain text.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let text = super::escape::html(&text);
    view! { <Title text /> }
}
