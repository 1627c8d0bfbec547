//! The Web Creator's screens, for a group's organisers: the site (imprint, colour, pages,
//! widget snippets) and a page's blocks. Visitors' pages are not here: they are drawn on
//! the server without WASM (`render`).

mod block_editor;
mod group_site_links;
mod page_editor_page;
mod site_editor_page;

pub use group_site_links::GroupSiteLinks;
pub use page_editor_page::PageEditorPage;
pub use site_editor_page::SiteEditorPage;

use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A route parameter of the page's address.
fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// What a failed load says: sign in, not allowed, or the error.
fn load_error(err: AppError) -> AnyView {
    match err {
        AppError::Unauthenticated => view! {
            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as one of the group's organisers."</p>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <p class="notice notice-error" role="alert">"Only the organisers of an official local party group (and staff) build its site."</p>
        }
        .into_any(),
        err => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
    }
}

/// Any error of the page's actions, with its field's name when it is about one field.
fn action_error(error: Option<AppError>) -> Option<AnyView> {
    error.map(|e| {
        let text = match &e {
            AppError::Invalid { field, message } => format!("{}: {message}", field_label(field)),
            other => other.to_string(),
        };
        view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any()
    })
}

fn field_label(field: &str) -> &str {
    match field {
        "markdown" => "Text",
        "event_id" => "Event",
        "target" => "Page",
        "promoter_name" => "Promoter's name",
        "promoter_address" => "Promoter's address",
        "imprint" => "Imprint",
        "slug" => "Address",
        other => other,
    }
}
