//! How people join a group, stored in `groups.joining`. Compiles for server and browser.

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

/// How people join a group. Stored as its `as_str` word through sea-orm's active enum, so
/// a stored word that is none of these fails the read (it never counts as open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum Joining {
    /// Anyone signed in joins straight away.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "open"))]
    Open,
    /// Requests wait for an organiser to approve them.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "approval"))]
    Approval,
}

impl Joining {
    pub const ALL: [Joining; 2] = [Joining::Open, Joining::Approval];

    /// The stored word, which is also the group form's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Joining::Open => "open",
            Joining::Approval => "approval",
        }
    }

    /// The choice the group form names (stored values are read as the enum itself).
    pub fn parse(raw: &str) -> Option<Joining> {
        Joining::ALL.into_iter().find(|j| j.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_words_round_trip() {
        for joining in Joining::ALL {
            assert_eq!(Joining::parse(joining.as_str()), Some(joining));
        }
        assert_eq!(Joining::parse("invite-only"), None);
    }

    /// The forms and the seed use `as_str`, so the stored values must be exactly those.
    #[cfg(feature = "ssr")]
    #[test]
    fn stored_values_are_the_as_str_words() {
        use sea_orm::ActiveEnum;
        for joining in Joining::ALL {
            assert_eq!(joining.to_value(), joining.as_str());
        }
        assert!(Joining::try_from_value(&"invite-only".to_string()).is_err());
    }
}
