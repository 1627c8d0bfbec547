//! Settings staff change while the site runs, kept in the database so every server node
//! sees the same value. Server only.

use crate::error::AppResult;
use chrono::Utc;
use sea_orm::{sea_query::OnConflict, ConnectionTrait, EntityTrait, Set};

mod entity;

/// Events from people who are not verified members wait for staff approval. On until staff
/// turn it off: otherwise any new account could publish a page and mail its sign-ups.
pub const EVENTS_NEED_APPROVAL: &str = "events_need_approval";

/// The party-wide calling window for phonebanks ("10:00-20:00,12:00-17:00": Monday to
/// Saturday, then Sunday).
pub const CALLING_WINDOW: &str = "calling_window";

/// Whether a yes/no setting is on; `default` until staff set it.
pub async fn is_on_or(db: &impl ConnectionTrait, name: &str, default: bool) -> AppResult<bool> {
    Ok(text(db, name).await?.map_or(default, |value| value == "on"))
}

/// Turns a yes/no setting on or off.
pub async fn set(db: &impl ConnectionTrait, name: &str, on: bool) -> AppResult<()> {
    set_text(db, name, if on { "on" } else { "off" }).await
}

/// A text setting, if staff set one.
pub async fn text(db: &impl ConnectionTrait, name: &str) -> AppResult<Option<String>> {
    Ok(entity::Entity::find_by_id(name.to_string())
        .one(db)
        .await?
        .map(|row| row.value))
}

/// Sets a text setting.
pub async fn set_text(db: &impl ConnectionTrait, name: &str, value: &str) -> AppResult<()> {
    entity::Entity::insert(entity::ActiveModel {
        name: Set(name.to_string()),
        value: Set(value.to_string()),
        updated_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(entity::Column::Name)
            .update_columns([entity::Column::Value, entity::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A random secret shared by every server node (e.g. for signing unsubscribe links):
/// made on first use; whichever node writes first wins and every node reads that one.
pub async fn secret(db: &impl ConnectionTrait, name: &str) -> AppResult<String> {
    if let Some(row) = entity::Entity::find_by_id(name.to_string()).one(db).await? {
        return Ok(row.value);
    }
    let fresh: [u8; 32] = rand::random();
    entity::Entity::insert(entity::ActiveModel {
        name: Set(name.to_string()),
        value: Set(hex::encode(fresh)),
        updated_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(entity::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(entity::Entity::find_by_id(name.to_string())
        .one(db)
        .await?
        .map(|row| row.value)
        .unwrap_or_default())
}

/// Its table in the personal-data registry: nothing personal, said so for the schema test.
pub const TABLES: &[crate::personal_data::PersonalTable] = &[crate::personal_data::PersonalTable {
    table: "site_settings",
    what: "Settings staff change while the site runs",
    why: "To run the site",
    basis: crate::personal_data::Basis::LegitimateInterests,
    kept: "Until changed",
    personal: &[],
    not_exported: &[],
    not_personal: &[("name", "a setting's name"), ("value", "a setting's value")],
    links: &[],
}];
