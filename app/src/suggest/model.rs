//! The ranking (pure, so unit-tested on hand-built cases) and the view types.
//!
//! score = nearness × ( 3 × (friends going, a close friend — one the person has been to
//!                          an event with — counting 2, any other 1)
//!                    + 2 if it is an event of one of the person's groups
//!                    + 2 )
//!       + (1 − days away / 28), for events in the next four weeks
//!       + ln(1 + people going) / 10, to break ties towards popular events.
//!
//! nearness halves every 10 miles from the person's postcode, so a near event with
//! friends leads and a near one without beats a distant one with a friend; an online
//! event (or one whose place is unknown) counts as 10 miles away. An in-person event more
//! than 40 miles away is out of reach and never suggested, whoever is going.

pub use crate::events::model::{Candidate, NEAR_MILES};
use crate::{
    events::model::EventCard,
    people::model::{ActivityItem, FriendsGoing},
    places::model::distance_text,
};
use serde::{Deserialize, Serialize};

/// A ranked event with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub event_id: i32,
    pub score: f64,
    pub reason: String,
}

/// Beyond this, an in-person event is out of reach: never suggested.
pub const REACH_MILES: f64 = 40.0;
/// Every this many miles, an event's weight halves.
const HALF_WEIGHT_MILES: f64 = 10.0;

/// How much an event's distance leaves of its weight; None when it is out of reach.
fn nearness(c: &Candidate) -> Option<f64> {
    let miles = c.miles.unwrap_or(HALF_WEIGHT_MILES);
    (miles <= REACH_MILES).then(|| 0.5f64.powf(miles / HALF_WEIGHT_MILES))
}

/// The score described at the top of this file; None for an event out of reach.
pub fn score(c: &Candidate) -> Option<f64> {
    let friends: f64 = c
        .friends
        .iter()
        .map(|(_, close)| if *close { 2.0 } else { 1.0 })
        .sum();
    let group = if c.group.is_some() { 2.0 } else { 0.0 };
    let soon = (1.0 - c.days_away / 28.0).clamp(0.0, 1.0);
    let popular = f64::from(c.going.max(0)).ln_1p() / 10.0;
    Some(nearness(c)? * (3.0 * friends + group + 2.0) + soon + popular)
}

/// "Sam and 2 friends are going · 1.2 miles away · Your group Sheffield Greens".
pub fn reason(c: &Candidate) -> String {
    let mut parts = Vec::new();
    let mut names: Vec<&(String, bool)> = c.friends.iter().collect();
    names.sort_by_key(|(name, close)| (!close, name.clone()));
    let names: Vec<String> = names.into_iter().map(|(name, _)| name.clone()).collect();
    if let Some(going) = FriendsGoing::from_names(names) {
        parts.push(going.text());
    }
    if let Some(miles) = c.miles.filter(|m| *m <= NEAR_MILES) {
        parts.push(distance_text(miles));
    }
    if let Some(group) = &c.group {
        parts.push(format!("Your group {group}"));
    }
    if parts.is_empty() {
        parts.push(match c.going {
            0 => "Coming up soon".to_string(),
            1 => "1 person going".to_string(),
            n => format!("{n} people going"),
        });
    }
    parts.join(" · ")
}

/// The best `limit` candidates within reach, highest score first (ties: sooner, then
/// lower id).
pub fn rank(candidates: &[Candidate], limit: usize) -> Vec<Ranked> {
    let mut ranked: Vec<(f64, f64, &Candidate)> = candidates
        .iter()
        .filter_map(|c| Some((score(c)?, c.days_away, c)))
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.total_cmp(&b.1))
            .then(a.2.event_id.cmp(&b.2.event_id))
    });
    ranked
        .into_iter()
        .take(limit)
        .map(|(score, _, c)| Ranked {
            event_id: c.event_id,
            score,
            reason: reason(c),
        })
        .collect()
}

/// A suggested event with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionView {
    pub card: EventCard,
    pub reason: String,
}

/// The suggestions page, and what the person can do to get better ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionsView {
    pub items: Vec<SuggestionView>,
    pub has_friends: bool,
    pub has_postcode: bool,
}

/// The home page's part for a signed-in person: a few suggestions, and their friends'
/// latest sign-ups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForYouView {
    pub suggestions: SuggestionsView,
    pub activity: Vec<ActivityItem>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: i32) -> Candidate {
        Candidate {
            event_id: id,
            friends: vec![],
            miles: None,
            group: None,
            days_away: 7.0,
            going: 0,
        }
    }

    #[test]
    fn more_friends_going_ranks_higher() {
        let one = Candidate {
            friends: vec![("Sam".into(), false)],
            ..candidate(1)
        };
        let two = Candidate {
            friends: vec![("Sam".into(), false), ("Priya".into(), false)],
            ..candidate(2)
        };
        let order: Vec<i32> = rank(&[one, two], 10).iter().map(|r| r.event_id).collect();
        assert_eq!(order, [2, 1]);
    }

    #[test]
    fn a_close_friend_outweighs_a_distant_acquaintance_and_is_named_first() {
        let acquaintance = Candidate {
            friends: vec![("Al".into(), false)],
            ..candidate(1)
        };
        let close = Candidate {
            friends: vec![("Zoe".into(), true)],
            ..candidate(2)
        };
        let both = Candidate {
            friends: vec![("Al".into(), false), ("Zoe".into(), true)],
            ..candidate(3)
        };
        let ranked = rank(&[acquaintance, close, both], 10);
        let order: Vec<i32> = ranked.iter().map(|r| r.event_id).collect();
        assert_eq!(order, [3, 2, 1]);
        assert_eq!(ranked[0].reason, "Zoe and Al are going");
    }

    fn order(candidates: &[Candidate]) -> Vec<i32> {
        rank(candidates, 10).iter().map(|r| r.event_id).collect()
    }

    #[test]
    fn near_events_with_friends_lead_and_distance_wears_friends_down() {
        let near_with_friend = Candidate {
            friends: vec![("Sam".into(), false)],
            miles: Some(2.0),
            ..candidate(1)
        };
        let near = Candidate {
            miles: Some(0.6),
            ..candidate(2)
        };
        let friend_further = Candidate {
            friends: vec![("Sam".into(), false)],
            miles: Some(25.0),
            ..candidate(3)
        };
        let nothing_near = Candidate {
            miles: Some(35.0),
            ..candidate(4)
        };
        assert_eq!(
            order(&[nothing_near, friend_further, near, near_with_friend]),
            [1, 2, 3, 4]
        );
    }

    /// A Manchester member whose friends are going to events across Great Britain, with a
    /// phone bank 0.6 miles from home (as seen in issue 21).
    #[test]
    fn far_events_are_never_suggested_for_friends_sake_but_online_ones_are() {
        let friends = |n: usize| -> Vec<(String, bool)> {
            (0..n).map(|i| (format!("Friend {i}"), i == 0)).collect()
        };
        let cardiff = Candidate {
            friends: friends(3),
            miles: Some(150.0),
            ..candidate(1)
        };
        let newcastle = Candidate {
            friends: friends(2),
            miles: Some(120.0),
            ..candidate(2)
        };
        let inverness = Candidate {
            friends: friends(1),
            miles: Some(300.0),
            ..candidate(3)
        };
        let online = Candidate {
            friends: friends(2),
            miles: None,
            ..candidate(4)
        };
        let phone_bank = Candidate {
            miles: Some(0.6),
            ..candidate(5)
        };
        let stockport = Candidate {
            miles: Some(REACH_MILES - 1.0),
            ..candidate(6)
        };
        assert_eq!(
            order(&[cardiff, newcastle, inverness, online, phone_bank, stockport]),
            [4, 5, 6]
        );
    }

    #[test]
    fn reasons_join_friends_distance_and_group() {
        let c = Candidate {
            friends: vec![
                ("Sam".into(), false),
                ("Priya".into(), false),
                ("Jo".into(), false),
                ("Al".into(), false),
            ],
            miles: Some(1.2),
            group: Some("Sheffield Greens".into()),
            ..candidate(1)
        };
        assert_eq!(
            reason(&c),
            "Al, Jo and 2 other friends are going · 1.2 miles away · Your group Sheffield Greens"
        );
        assert_eq!(
            reason(&Candidate {
                going: 12,
                ..candidate(2)
            }),
            "12 people going"
        );
    }

    #[test]
    fn sooner_breaks_ties_and_the_limit_holds() {
        let later = Candidate {
            days_away: 20.0,
            ..candidate(1)
        };
        let sooner = Candidate {
            days_away: 2.0,
            ..candidate(2)
        };
        let ranked = rank(&[later, sooner], 1);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].event_id, 2);
    }
}
