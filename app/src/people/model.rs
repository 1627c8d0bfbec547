//! Friendship and privacy view types. Pure; compiles for server and browser.

#[cfg(feature = "ssr")]
use sea_orm::entity::prelude::StringLen;
use serde::{Deserialize, Serialize};

pub use crate::auth::model::Sharing;

/// Where a friendship stands: asked by one of the pair, or agreed by both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "ssr",
    sea_orm(rs_type = "String", db_type = "String(StringLen::None)")
)]
pub enum FriendshipState {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "pending"))]
    Pending,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "accepted"))]
    Accepted,
}

/// A person, by name, with the link that acts on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonLink {
    pub id: i32,
    pub name: String,
}

/// How the viewer and someone they found stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Relation {
    Stranger,
    Friend,
    RequestSent,
    RequestReceived,
}

/// Someone found by name or email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonMatch {
    pub person: PersonLink,
    pub relation: Relation,
}

/// The friends page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendsView {
    pub friends: Vec<PersonLink>,
    pub incoming: Vec<PersonLink>,
    pub outgoing: Vec<PersonLink>,
    pub blocked: Vec<PersonLink>,
    /// None until the person answers; nobody sees their sign-ups until then.
    pub sharing: Option<Sharing>,
}

impl FriendsView {
    /// Asked the first time a person gains a friend (or a request), with no answer chosen.
    pub fn must_choose_sharing(&self) -> bool {
        self.sharing.is_none() && !(self.friends.is_empty() && self.incoming.is_empty())
    }
}

/// The friends the viewer may see going to one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FriendsGoing {
    /// Up to two names, closest friends first.
    pub names: Vec<String>,
    /// Friends going beyond those named.
    pub others: usize,
}

impl FriendsGoing {
    /// From every visible friend's name: two are named, the rest counted.
    pub fn from_names(mut all: Vec<String>) -> Option<FriendsGoing> {
        if all.is_empty() {
            return None;
        }
        let names: Vec<String> = all.drain(..all.len().min(2)).collect();
        Some(FriendsGoing {
            names,
            others: all.len(),
        })
    }

    /// "Sam is going", "Sam and Priya are going", "Sam, Priya and 2 other friends are going".
    pub fn text(&self) -> String {
        let others = match self.others {
            0 => String::new(),
            1 => "1 other friend".to_string(),
            n => format!("{n} other friends"),
        };
        match (self.names.as_slice(), others.is_empty()) {
            ([one], true) => format!("{one} is going"),
            ([one, two], true) => format!("{one} and {two} are going"),
            ([one], false) => format!("{one} and {others} are going"),
            ([one, two], false) => format!("{one}, {two} and {others} are going"),
            _ => String::new(),
        }
    }
}

/// A friend's sign-up in the home page's feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityItem {
    pub friend_name: String,
    pub event_title: String,
    pub event_path: String,
    /// "Thu 7 Nov, 7pm": when the event is.
    pub when: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn going(names: &[&str]) -> String {
        FriendsGoing::from_names(names.iter().map(|n| n.to_string()).collect())
            .map(|g| g.text())
            .unwrap_or_default()
    }

    #[test]
    fn friends_going_names_two_and_counts_the_rest() {
        assert_eq!(going(&[]), "");
        assert_eq!(going(&["Sam"]), "Sam is going");
        assert_eq!(going(&["Sam", "Priya"]), "Sam and Priya are going");
        assert_eq!(
            going(&["Sam", "Priya", "Jo"]),
            "Sam, Priya and 1 other friend are going"
        );
        assert_eq!(
            going(&["Sam", "Priya", "Jo", "Al"]),
            "Sam, Priya and 2 other friends are going"
        );
    }

    #[test]
    fn sharing_is_asked_once_there_is_a_friend_and_no_answer() {
        let mut view = FriendsView {
            friends: vec![],
            incoming: vec![],
            outgoing: vec![],
            blocked: vec![],
            sharing: None,
        };
        assert!(!view.must_choose_sharing());
        view.incoming.push(PersonLink {
            id: 2,
            name: "Sam".into(),
        });
        assert!(view.must_choose_sharing());
        view.sharing = Some(Sharing::Nobody);
        assert!(!view.must_choose_sharing());
    }
}
