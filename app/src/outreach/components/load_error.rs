//! Why an email and texts page could not be shown.

use crate::ui::page_title::PageTitle;
use crate::{error::AppError, ui::not_found_page::NotFoundPage};
use leptos::prelude::*;

/// The reason a sender's page failed to load, in words, with the way on where there is one.
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    match error {
        AppError::Unauthenticated => view! {
            <PageTitle text="Email and texts · MembersNet" />
            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to send email and texts."</p>
        }
        .into_any(),
        AppError::Forbidden => view! {
            <PageTitle text="Email and texts · MembersNet" />
            <p class="notice notice-error" role="alert">
                "Only organisers of official local party groups (and staff) send email and texts here."
            </p>
        }
        .into_any(),
        AppError::NotFound => view! { <NotFoundPage /> }.into_any(),
        err => view! {
            <PageTitle text="Email and texts · MembersNet" />
            <p class="notice notice-error" role="alert">{err.to_string()}</p>
        }
        .into_any(),
    }
}
