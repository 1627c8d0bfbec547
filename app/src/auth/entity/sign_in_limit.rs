use sea_orm::entity::prelude::*;

/// Sign-in attempts counted under one key: an (account, address) pair, an address or an
/// account. One row per key, counted with an upsert, so it holds across server nodes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_limits")]
pub struct Model {
    /// "pair:<email>|<address>", "address:<address>" or "account:<email>".
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    pub failures: i32,
    pub window_started_at: DateTimeUtc,
    pub last_attempt_at: Option<DateTimeUtc>,
    /// The last attempt whose password was checked.
    pub last_allowed_at: Option<DateTimeUtc>,
    /// Pairs only: the last right password from this address for this account.
    pub signed_in_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
