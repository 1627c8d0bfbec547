use sea_orm::entity::prelude::*;

/// Money the provider confirmed as paid (or the treasurer recorded as received), once
/// per provider reference: a replayed webhook meets the unique index.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fund_payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub donation_id: i32,
    pub page_id: i32,
    pub provider_ref: String,
    pub amount_pence: i64,
    /// The provider's running total of refunds on this payment.
    pub refunded_pence: i64,
    pub paid_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
