//! Suggestion server functions.

use crate::{error::AppError, suggest::model::SuggestionsView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{ctx::serve, suggest::service};

/// Suggested events for the signed-in person, best first, each with its reason.
#[server(endpoint = "events/suggested")]
pub async fn get_suggestions(limit: Option<u32>) -> Result<SuggestionsView, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let limit = limit.unwrap_or(20).clamp(1, 50) as usize;
        service::get_suggestions(&ctx.db, person, limit).await
    })
    .await
}
