//! The name, phone and postcode a sign-up shows its hosts. Anyone can type any email into
//! the public form (or open an account for it), so only the signed-in owner of the
//! address, an account that confirmed it, changes what is stored under it; anyone else's
//! sign-up keeps the details already stored for the address.

use super::SignUpDetails;
use crate::{
    auth::service::accounts::get_person_by_email, error::AppResult, events::entity::signup,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// What a sign-up row shows of the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub postcode: Option<String>,
}

impl Contact {
    /// What the form said.
    pub fn typed(details: &SignUpDetails) -> Self {
        Self {
            name: details.name.as_str().to_string(),
            phone: details.phone.as_ref().map(|p| p.as_str().to_string()),
            postcode: details.postcode.as_ref().map(|p| p.as_str().to_string()),
        }
    }

    /// What a sign-up row holds.
    pub fn of_row(row: &signup::Model) -> Self {
        Self {
            name: row.name.clone(),
            phone: row.phone.clone(),
            postcode: row.postcode.clone(),
        }
    }

    /// Writes these details onto a sign-up row.
    pub fn set_on(&self, active: &mut signup::ActiveModel) {
        active.name = Set(self.name.clone());
        active.phone = Set(self.phone.clone());
        active.postcode = Set(self.postcode.clone());
    }
}

/// The details a new sign-up row takes: the form's from the address's signed-in owner
/// or for an address we have never seen; otherwise what is stored already.
pub(super) async fn contact_for_new_row(
    db: &impl ConnectionTrait,
    details: &SignUpDetails,
) -> AppResult<Contact> {
    if details.owner().is_some() {
        return Ok(Contact::typed(details));
    }
    Ok(stored_contact(db, details.email.as_str())
        .await?
        .unwrap_or_else(|| Contact::typed(details)))
}

/// The details already stored under `email`: its newest sign-up's, else its account's.
async fn stored_contact(db: &impl ConnectionTrait, email: &str) -> AppResult<Option<Contact>> {
    let newest = signup::Entity::find()
        .filter(signup::Column::Email.eq(email))
        .order_by_desc(signup::Column::Id)
        .one(db)
        .await?;
    if let Some(row) = newest {
        return Ok(Some(Contact::of_row(&row)));
    }
    Ok(get_person_by_email(db, email).await?.map(|person| Contact {
        name: person.name,
        phone: None,
        postcode: person.postcode,
    }))
}
