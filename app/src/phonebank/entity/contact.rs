use crate::phonebank::model::{Basis, ContactState, Outcome};
use sea_orm::entity::prelude::*;

/// Someone a phonebank will call: a snapshot of its audience, taken when it was made.
/// Up for grabs while queued and `available_at` has passed; a lease moves `available_at`
/// two minutes on and names the caller, so an abandoned lease simply lapses.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "phonebank_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub phonebank_id: i32,
    pub person_id: Option<i32>,
    pub email: String,
    pub name: String,
    /// E.164.
    pub phone: String,
    /// The postcode's outward code ("S1"), the only area a caller sees.
    pub outward: String,
    pub basis: Basis,
    pub state: ContactState,
    pub available_at: DateTimeUtc,
    pub leased_by: Option<i32>,
    /// Counts leases, so an outcome is matched to the lease it was made under.
    pub lease_seq: i32,
    pub tries: i32,
    /// Held for this caller around a call-back they arranged.
    pub callback_for: Option<i32>,
    pub last_outcome: Option<Outcome>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
