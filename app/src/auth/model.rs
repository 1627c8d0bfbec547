//! Auth view types and roles. Compiles for server and browser.

use serde::{Deserialize, Serialize};

/// What a person may do. Everyone is a `Person`; the rest are granted and stored as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Person,
    Member,
    Host,
    Organiser,
    Politician,
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

    /// Reads a stored role name; unknown names are ignored by callers.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
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
}

impl PersonView {
    pub fn has_role(&self, role: Role) -> bool {
        role == Role::Person || self.roles.contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("emperor"), None);
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
        };
        assert!(view.has_role(Role::Person));
        assert!(view.has_role(Role::Staff));
        assert!(!view.has_role(Role::Member));
    }
}
