//! The page for addresses we do not have, served with a real 404 status.

use crate::ui::page_title::PageTitle;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <PageTitle text="Page not found · MembersNet" />
        <section class="card narrow">
            <h1>"We could not find that page"</h1>
            <p>"The link may be old, or the address may have a typo."</p>
            <p>
                <a class="button" href="/">
                    "Go to the home page"
                </a>
            </p>
        </section>
    }
}
