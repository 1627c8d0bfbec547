//! Friends' confirmed places grouped by event: the friends' source of suggestions.

use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// One event and the friends going to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FriendsAtEvent {
    pub event_id: i32,
    /// Each friend once, in the order their places came.
    pub friend_ids: Vec<i32>,
    /// The soonest start among the friends' places.
    pub next_start: DateTime<Utc>,
}

impl FriendsAtEvent {
    /// Groups (event, friend, start) places by event and keeps the `limit` events with the
    /// most friends, then the soonest. A friend with places on two dates counts once.
    pub fn leading(
        places: impl IntoIterator<Item = (i32, i32, DateTime<Utc>)>,
        limit: u64,
    ) -> Vec<FriendsAtEvent> {
        let mut by_event: HashMap<i32, FriendsAtEvent> = HashMap::new();
        for (event_id, friend, starts_at) in places {
            let at = by_event.entry(event_id).or_insert(FriendsAtEvent {
                event_id,
                friend_ids: Vec::new(),
                next_start: starts_at,
            });
            if !at.friend_ids.contains(&friend) {
                at.friend_ids.push(friend);
            }
            at.next_start = at.next_start.min(starts_at);
        }
        let mut events: Vec<FriendsAtEvent> = by_event.into_values().collect();
        events.sort_by(|a, b| {
            b.friend_ids
                .len()
                .cmp(&a.friend_ids.len())
                .then(a.next_start.cmp(&b.next_start))
                .then(a.event_id.cmp(&b.event_id))
        });
        events.truncate(limit as usize);
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, d, 19, 0, 0).unwrap()
    }

    #[test]
    fn most_friends_first_then_soonest_each_friend_once() {
        let places = [
            (1, 10, day(9)),
            (2, 10, day(5)),
            (2, 11, day(12)),
            (2, 10, day(3)), // a second date: counts once, and is the soonest
            (3, 12, day(4)),
            (4, 11, day(2)),
        ];
        let got = FriendsAtEvent::leading(places, 3);
        assert_eq!(
            got,
            vec![
                FriendsAtEvent {
                    event_id: 2,
                    friend_ids: vec![10, 11],
                    next_start: day(3)
                },
                FriendsAtEvent {
                    event_id: 4,
                    friend_ids: vec![11],
                    next_start: day(2)
                },
                FriendsAtEvent {
                    event_id: 3,
                    friend_ids: vec![12],
                    next_start: day(4)
                },
            ],
            "event 1 (one friend, latest) is left out"
        );
    }
}
