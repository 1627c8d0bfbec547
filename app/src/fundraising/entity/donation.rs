use sea_orm::entity::prelude::*;

/// One gift: one-off, or a monthly one that is paid many times (each a `payment`).
/// Offline gifts (cheques, transfers) are rows the treasurer adds, with a note.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fund_donations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub page_id: i32,
    pub group_id: Option<i32>,
    /// "one-off" or "monthly".
    pub frequency: String,
    pub amount_pence: i64,
    pub donor_name: String,
    /// Lower case, so one donor's gifts add up whatever they typed.
    pub donor_email: String,
    pub donor_address: String,
    pub donor_postcode: String,
    pub permissible_confirmed: bool,
    /// See `model::Status`.
    pub status: String,
    /// The provider's checkout session.
    pub checkout_ref: Option<String>,
    pub subscription_ref: Option<String>,
    /// The hash of the emailed link that changes or cancels a monthly gift.
    pub manage_token_hash: Option<String>,
    /// See `model::CheckState`.
    pub check_state: String,
    pub check_started_at: Option<DateTimeUtc>,
    pub check_register: Option<String>,
    pub check_reference: Option<String>,
    pub checked_by: Option<i32>,
    pub checked_at: Option<DateTimeUtc>,
    /// Reminders sent to the treasurer about this check (day 20, then day 27).
    pub reminders_sent: i32,
    pub offline_note: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
