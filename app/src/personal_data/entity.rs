//! The access log's table.

pub mod access_entry {
    use sea_orm::entity::prelude::*;

    /// Someone viewed one person's details: who, what, whose, when.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "access_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The viewer's account (emptied if they are erased; their role stays).
        pub viewer_id: Option<i32>,
        /// In what standing they looked ("staff", "host of “Leafleting”").
        pub viewer_role: String,
        /// What they looked at ("attendee list", "attendee list (CSV)").
        pub what: String,
        /// Whose details: an account, or a guest's address.
        pub subject_id: Option<i32>,
        pub subject_email: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
