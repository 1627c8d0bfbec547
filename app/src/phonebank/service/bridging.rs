//! Bridged calls: the provider rings the caller's own (confirmed) mobile and then the
//! contact they hold, so the contact's number never reaches the caller's page.

use super::{
    access::Access,
    leasing::{held_by, Lessee},
};
use crate::{
    error::{AppError, AppResult},
    mail::voice::{Bridge, CallBridge},
    phonebank::entity::contact,
};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter};

/// Rings the caller's phone to connect them to the contact they hold under `lease_seq`.
pub async fn bridge_call(
    db: &impl ConnectionTrait,
    access: &Access,
    contact_id: i32,
    lease_seq: i32,
    provider: &dyn CallBridge,
) -> AppResult<()> {
    let mobile = access.person.mobile.clone().ok_or_else(|| {
        AppError::invalid(
            "mobile",
            "Add and confirm your mobile number on your profile first: the call rings it.",
        )
    })?;
    let who = Lessee {
        phonebank_id: access.phonebank.id,
        caller_id: access.person.id,
    };
    let held = contact::Entity::find()
        .filter(held_by(who, contact_id, lease_seq))
        .one(db)
        .await?
        .ok_or_else(|| AppError::conflict("This call is no longer yours: take the next one."))?;
    provider
        .bridge(&Bridge {
            caller: mobile,
            contact: held.phone,
        })
        .await
        .map_err(|why| {
            tracing::warn!(phonebank_id = access.phonebank.id, %why, "bridged call not started");
            AppError::conflict("The call could not be started just now: try again in a moment.")
        })?;
    Ok(())
}
