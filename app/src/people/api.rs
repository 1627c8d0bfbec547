//! Profile server functions; friends in `friends`.

pub mod friends;

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    people::service,
};

/// Saves the signed-in person's name and postcode.
#[server(endpoint = "people/update-profile")]
pub async fn update_profile(name: String, postcode: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let patch = service::ProfilePatch::parse(&name, &postcode)?;
        service::update_profile(&ctx.db, person.id, patch).await?;
        redirect_to("/profile?saved=1");
        Ok(())
    })
    .await
}
