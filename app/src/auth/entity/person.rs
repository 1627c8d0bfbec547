use sea_orm::entity::prelude::*;

/// A person with an account. The password hash never leaves the server: it is not Serialize.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub password_hash: String,
    pub postcode: Option<String>,
    /// The secret in the person's calendar feed address, once they have asked for one.
    pub calendar_token: Option<String>,
    /// Who sees the events they sign up to: "friends" or "nobody"; None until they answer
    /// (which counts as nobody). Owned by people's privacy service.
    pub share_attendance: Option<crate::auth::model::Sharing>,
    /// When the person proved they own `email`, by the emailed link; None until then.
    /// Until then the account acts on nothing that belongs to the address (its guest
    /// sign-ups, its consent): anyone can open an account for any address.
    pub email_confirmed_at: Option<DateTimeUtc>,
    /// Their mobile number (+447…), set only once they typed back the code texted to it.
    pub mobile: Option<String>,
    pub mobile_confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
