//! Auth view types and roles. Compiles for server and browser.

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// What a person may do. Everyone is a `Person`; the rest are granted and stored as data
/// (`person_roles.role`, as the `as_str` word): a stored role that is none of these fails
/// the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Role {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "person"))]
    Person,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "member"))]
    Member,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "host"))]
    Host,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "organiser"))]
    Organiser,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "politician"))]
    Politician,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "staff"))]
    Staff,
}

impl Role {
    /// Every role, in order of how much they may do.
    pub const ALL: [Role; 6] = [
        Role::Person,
        Role::Member,
        Role::Host,
        Role::Organiser,
        Role::Politician,
        Role::Staff,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Person => "person",
            Role::Member => "member",
            Role::Host => "host",
            Role::Organiser => "organiser",
            Role::Politician => "politician",
            Role::Staff => "staff",
        }
    }

    /// The label people see.
    pub fn label(self) -> &'static str {
        match self {
            Role::Person => "Supporter",
            Role::Member => "Verified member",
            Role::Host => "Host",
            Role::Organiser => "Organiser",
            Role::Politician => "Politician",
            Role::Staff => "Staff",
        }
    }
}

/// A person's mobile number on their profile: the confirmed one, and one a texted code is
/// waiting for (both as "07700 900123").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MobileView {
    pub confirmed: Option<String>,
    pub waiting: Option<String>,
}

/// The signed-in person, as the browser sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub postcode: Option<String>,
    pub roles: Vec<Role>,
    /// Whether they proved they own `email`. Until they do, the account is trusted with
    /// nothing that belongs to the address: it is a guest there, like anyone who types it.
    pub email_confirmed: bool,
    /// Their mobile number (+447…), once confirmed by a texted code.
    pub mobile: Option<String>,
}

impl PersonView {
    pub fn has_role(&self, role: Role) -> bool {
        role == Role::Person || self.roles.contains(&role)
    }
}

/// Who sees the events a person signs up to (people's privacy setting, kept on the
/// account's row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Sharing {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "friends"))]
    Friends,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "nobody"))]
    Nobody,
}

impl Sharing {
    pub fn as_str(self) -> &'static str {
        match self {
            Sharing::Friends => "friends",
            Sharing::Nobody => "nobody",
        }
    }

    pub fn parse(raw: &str) -> Option<Sharing> {
        match raw {
            "friends" => Some(Sharing::Friends),
            "nobody" => Some(Sharing::Nobody),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed writes `as_str`, so the stored values must be exactly those words; a
    /// stored word that names no role is an error, not a role.
    #[cfg(feature = "ssr")]
    #[test]
    fn stored_roles_are_the_as_str_words() {
        use sea_orm::ActiveEnum;
        for role in Role::ALL {
            assert_eq!(role.to_value(), role.as_str());
            assert_eq!(
                Role::try_from_value(&role.as_str().to_string()).ok(),
                Some(role)
            );
        }
        assert!(Role::try_from_value(&"emperor".to_string()).is_err());
    }

    #[test]
    fn everyone_is_a_person_but_only_granted_roles_count() {
        let view = PersonView {
            id: 1,
            name: "Sam".into(),
            email: "s@example.org".into(),
            postcode: None,
            roles: vec![Role::Staff],
            email_confirmed: true,
            mobile: None,
        };
        assert!(view.has_role(Role::Person));
        assert!(view.has_role(Role::Staff));
        assert!(!view.has_role(Role::Member));
    }
}
