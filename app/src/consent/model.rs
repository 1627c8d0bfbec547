//! Consent view types and the pure rules of scopes.

pub use crate::mail::Channel;
use serde::{Deserialize, Serialize};

/// Whose messages a consent is for: the whole party's, or one group's. Stored as "party"
/// or "group:<id>"; a stored value that is neither fails the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
#[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType))]
#[cfg_attr(feature = "ssr", sea_orm(value_type = "String"))]
pub enum Scope {
    Party,
    Group(i32),
}

impl Scope {
    /// The group whose scope this is.
    pub fn group_id(self) -> Option<i32> {
        match self {
            Scope::Party => None,
            Scope::Group(id) => Some(id),
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scope::Party => f.write_str("party"),
            Scope::Group(id) => write!(f, "group:{id}"),
        }
    }
}

impl From<Scope> for String {
    fn from(scope: Scope) -> Self {
        scope.to_string()
    }
}

impl TryFrom<String> for Scope {
    type Error = UnknownScope;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        raw.parse()
    }
}

/// A scope that is neither "party" nor "group:<id>".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownScope;

impl std::fmt::Display for UnknownScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a consent scope")
    }
}

impl std::error::Error for UnknownScope {}

impl std::str::FromStr for Scope {
    type Err = UnknownScope;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        match raw {
            "party" => Ok(Scope::Party),
            _ => raw
                .strip_prefix("group:")
                .and_then(|id| id.parse().ok())
                .map(Scope::Group)
                .ok_or(UnknownScope),
        }
    }
}

/// The party-wide consent scope.
pub const PARTY_SCOPE: Scope = Scope::Party;

/// The consent scope of a group's messages.
pub fn group_scope(group_id: i32) -> Scope {
    Scope::Group(group_id)
}

/// The scope a message is sent under: its group's, or the party's for national ones.
pub fn scope_of(group_id: Option<i32>) -> Scope {
    group_id.map_or(Scope::Party, Scope::Group)
}

/// Whether a contact may be sent a message in a group's scope. A choice made for the
/// group decides; without one, the party-wide choice does; with neither, no.
pub fn consent_in_force(group_choice: Option<bool>, party_choice: Option<bool>) -> bool {
    group_choice.or(party_choice).unwrap_or(false)
}

/// Masks an email address for a page anyone holding the link can open.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// One consent choice in force, on the communication preferences page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLine {
    pub scope: Scope,
    /// "The whole party" or the group's name.
    pub scope_label: String,
    pub channel: Channel,
    pub granted: bool,
    /// "Given Thu 7 Nov, 7pm on an event sign-up".
    pub since: String,
}

/// A person's communication preferences: every consent in force, and the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreferencesView {
    pub email: String,
    pub lines: Vec<ConsentLine>,
    /// The ledger, newest first: "Thu 7 Nov, 7pm · Email · The whole party · agreed".
    pub history: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_choice_overrides_the_party_choice_either_way() {
        assert!(consent_in_force(Some(true), Some(false)));
        assert!(!consent_in_force(Some(false), Some(true)));
        assert!(consent_in_force(None, Some(true)));
        assert!(!consent_in_force(None, None));
    }

    #[test]
    fn scopes_round_trip_through_their_stored_words_and_nothing_else_reads() {
        for scope in [Scope::Party, Scope::Group(12)] {
            assert_eq!(scope.to_string().parse::<Scope>(), Ok(scope));
        }
        assert_eq!(Scope::Group(12).to_string(), "group:12");
        for bad in ["", "Party", "group:", "group:x", "groups:1"] {
            assert_eq!(bad.parse::<Scope>(), Err(UnknownScope), "{bad}");
        }
    }

    #[test]
    fn masked_emails_keep_the_first_letter_and_domain() {
        assert_eq!(mask_email("sam@example.org"), "s***@example.org");
    }
}
