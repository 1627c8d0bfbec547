//! Suggestion server functions.

use crate::{
    error::AppError,
    suggest::model::{ForYouView, SuggestionsView},
};
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

/// The home page's part for the signed-in person: three suggestions and their friends'
/// ten latest sign-ups, in one call so the friends are read once.
#[server(endpoint = "for-you")]
pub async fn get_for_you() -> Result<ForYouView, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        service::get_for_you(&ctx.db, person, HOME_SUGGESTIONS, HOME_ACTIVITY).await
    })
    .await
}

/// Suggestions on the home page.
#[cfg(feature = "ssr")]
const HOME_SUGGESTIONS: usize = 3;
/// Friends' sign-ups on the home page.
#[cfg(feature = "ssr")]
const HOME_ACTIVITY: usize = 10;
