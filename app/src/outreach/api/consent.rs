//! Consent: a person's communication preferences, and unsubscribing from a link.

use crate::{consent::model::PreferencesView, error::AppError, outreach::model::UnsubscribeView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    consent::{model::Channel, service::preferences},
    ctx::{redirect_to, serve},
    outreach::service::unsubscribe as unsub,
};

/// Every consent the signed-in person has given or withdrawn, per group and nationally.
#[server(endpoint = "outreach/preferences")]
pub async fn get_preferences() -> Result<PreferencesView, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        preferences::preferences_of(&ctx.db, person).await
    })
    .await
}

/// Gives ("yes") or withdraws consent for one channel in one scope.
#[server(endpoint = "outreach/preferences/set")]
pub async fn set_preference(
    scope: String,
    channel: String,
    granted: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        // Phone calls too: a phonebank's "do not call" is a choice people can see and change.
        let channel = Channel::parse(&channel)
            .ok_or_else(|| AppError::invalid("channel", "Choose email, text or phone calls."))?;
        let done =
            preferences::set_preference(&ctx.db, person, &scope, channel, granted == "yes").await?;
        redirect_to(&format!("/preferences?done={done}"));
        Ok(())
    })
    .await
}

/// What an unsubscribe link is for. Needs no sign-in: the token is the key.
#[server(endpoint = "outreach/unsubscribe/get")]
pub async fn get_unsubscribe(token: String) -> Result<UnsubscribeView, AppError> {
    serve(|ctx| async move { unsub::describe(&ctx.db, &token).await }).await
}

/// Withdraws the consent an unsubscribe link is for.
#[server(endpoint = "outreach/unsubscribe")]
pub async fn unsubscribe(token: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        unsub::unsubscribe(&ctx.db, &token, "unsubscribe-link").await?;
        redirect_to(&format!("/unsubscribe/{token}?done=1"));
        Ok(())
    })
    .await
}

/// Confirms the consent an emailed link asked for (double opt-in); returns the address,
/// masked. Needs no sign-in: the single-use token in the link is the proof of ownership.
#[server(endpoint = "outreach/consent/confirm")]
pub async fn confirm_consent(token: String) -> Result<String, AppError> {
    serve(|ctx| async move {
        let shown = crate::consent::service::confirm_consent(&ctx.db, &token).await?;
        redirect_to("/consent/confirmed");
        Ok(shown)
    })
    .await
}
