//! Privacy's table.

pub mod data_request {
    use sea_orm::entity::prelude::*;

    /// A member's prepared download (24 hours, for them only), or a guest's emailed link
    /// to download or erase what is held under an address.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "data_requests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub token_hash: String,
        pub person_id: Option<i32>,
        pub email: Option<String>,
        /// "download" (a member's) or "guest" (an emailed link).
        pub purpose: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        /// When a guest's link was used to erase (it then stops working).
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
