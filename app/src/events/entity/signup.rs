use crate::events::model::SignUpStatus;
use sea_orm::entity::prelude::*;

/// A person's place (or waitlist place) in one slot. One per email per slot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slot_id: i32,
    pub person_id: Option<i32>,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub postcode: Option<String>,
    pub status: SignUpStatus,
    #[sea_orm(unique)]
    pub cancel_token_hash: String,
    pub checked_in_at: Option<DateTimeUtc>,
    /// The person whose shared link this sign-up came through.
    pub referrer_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The slot's event and start, copied so a person's upcoming events read from one
    /// index (`signups::slot_fields` writes them; a slot's new time rewrites them).
    pub event_id: i32,
    pub starts_at: DateTimeUtc,
    /// A walk-in the host typed in: hosts' messages to attendees leave it out.
    pub added_by_host: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::event_slot::Entity",
        from = "Column::SlotId",
        to = "super::event_slot::Column::Id"
    )]
    Slot,
}

impl Related<super::event_slot::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Slot.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
