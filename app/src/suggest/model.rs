//! The ranking (pure, so unit-tested on hand-built cases) and the view types.
//!
//! score = 3 × (friends going, a close friend — one the person has been to an event
//!             with — counting 2, any other 1)
//!       + 2 if it is an event of one of the person's groups
//!       + 2 × (1 − miles / 20) for in-person events within 20 miles of their postcode
//!       + (1 − days away / 28), for events in the next four weeks
//!       + ln(1 + people going) / 10, to break ties towards popular events.

pub use crate::events::model::{Candidate, NEAR_MILES};
use crate::{events::model::EventCard, people::model::FriendsGoing, places::model::distance_text};
use serde::{Deserialize, Serialize};

/// A ranked event with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub event_id: i32,
    pub score: f64,
    pub reason: String,
}

/// The score described at the top of this file.
pub fn score(c: &Candidate) -> f64 {
    let friends: f64 = c
        .friends
        .iter()
        .map(|(_, close)| if *close { 2.0 } else { 1.0 })
        .sum();
    let group = if c.group.is_some() { 2.0 } else { 0.0 };
    let distance = c
        .miles
        .map(|m| 2.0 * (1.0 - m / NEAR_MILES).max(0.0))
        .unwrap_or(0.0);
    let soon = (1.0 - c.days_away / 28.0).clamp(0.0, 1.0);
    let popular = f64::from(c.going.max(0)).ln_1p() / 10.0;
    3.0 * friends + group + distance + soon + popular
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

/// The best `limit` candidates, highest score first (ties: sooner, then lower id).
pub fn rank(candidates: &[Candidate], limit: usize) -> Vec<Ranked> {
    let mut ranked: Vec<(f64, f64, &Candidate)> = candidates
        .iter()
        .map(|c| (score(c), c.days_away, c))
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

    #[test]
    fn friends_outweigh_distance_and_distance_outweighs_nothing() {
        let near = Candidate {
            miles: Some(0.5),
            ..candidate(1)
        };
        let friend_far = Candidate {
            friends: vec![("Sam".into(), false)],
            miles: Some(30.0),
            ..candidate(2)
        };
        let far = Candidate {
            miles: Some(19.0),
            ..candidate(3)
        };
        let order: Vec<i32> = rank(&[near, friend_far, far], 10)
            .iter()
            .map(|r| r.event_id)
            .collect();
        assert_eq!(order, [2, 1, 3]);
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
