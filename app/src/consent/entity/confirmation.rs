//! The `consent_confirmations` table, kept beside the only code that reads it.

use crate::consent::model::Channel;
use sea_orm::entity::prelude::*;

/// Consent a public form asked for, waiting for the address to confirm it with the
/// emailed link. Only the token's hash is stored; `confirmed_at` marks the link used.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_confirmations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub email: String,
    pub person_id: Option<i32>,
    pub channel: Channel,
    pub scope: crate::consent::model::Scope,
    /// The words the form showed beside the box.
    pub wording: String,
    /// Where the request was made, e.g. "event-signup:12".
    pub source: String,
    pub phone: Option<String>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
