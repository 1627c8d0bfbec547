//! The demo accounts' friendships and privacy choices. Sam, Priya, Alex and Jo are friends
//! with each other, except that Alex has asked Jo and Jo has not answered; Jo shares
//! sign-ups with nobody, so signing in as Sam shows Priya and Alex going to events (two of
//! them ones Sam stays away from) but never Jo. Sam also has generated friends, each
//! going to an upcoming generated event (`SeedPlan::sam_friends`).

use super::friends::{FRIENDS, NOBODY};

/// Sam (index into `fixtures::PEOPLE`), whose friends the demo and bench.sh show.
pub const SAM: usize = 1;

/// A demo friendship between two demo accounts (indices into `fixtures::PEOPLE`).
#[derive(Debug)]
pub struct FixedFriendship {
    /// Who asked.
    pub requester: usize,
    pub other: usize,
    pub accepted: bool,
    /// Asked this many days before today.
    pub days_ago: i64,
}

const fn asked(requester: usize, other: usize, accepted: bool, days_ago: i64) -> FixedFriendship {
    FixedFriendship {
        requester,
        other,
        accepted,
        days_ago,
    }
}

pub const FRIENDSHIPS: &[FixedFriendship] = &[
    asked(2, 1, true, 60),
    asked(1, 3, true, 40),
    asked(4, 1, true, 30),
    asked(2, 3, true, 25),
    asked(4, 2, true, 20),
    // Alex → Jo, waiting for Jo.
    asked(3, 4, false, 2),
];

/// `people.share_attendance` of each demo account (one per `fixtures::PEOPLE`): the staff
/// account has not answered, and Jo shares with nobody.
pub const SHARING: &[Option<&str>] = &[
    None,
    Some(FRIENDS),
    Some(FRIENDS),
    Some(FRIENDS),
    Some(NOBODY),
];

/// Demo events a demo account does not sign up to: (title in `fixtures::EVENTS`, index
/// into `fixtures::PEOPLE`). Priya and Alex go to these, so Sam sees friends going.
pub const STAYING_AWAY: &[(&str, usize)] = &[
    ("Cardiff Bay street stall", SAM),
    ("Newcastle leaflet drop", SAM),
];

/// Whether demo account `f` stays away from demo event `title`.
pub fn stays_away(title: &str, f: usize) -> bool {
    STAYING_AWAY.iter().any(|(t, who)| *t == title && *who == f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::fixtures::{EVENTS, PEOPLE, SIGN_UP_ORDER};

    #[test]
    fn demo_friendships_hang_together() {
        assert_eq!(SHARING.len(), PEOPLE.len());
        assert_eq!(PEOPLE[SAM].1, "sam@membersnet.example");
        let mut pairs: Vec<(usize, usize)> = FRIENDSHIPS
            .iter()
            .map(|f| (f.requester.min(f.other), f.requester.max(f.other)))
            .collect();
        assert!(pairs.iter().all(|(a, b)| a < b && *b < PEOPLE.len()));
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), FRIENDSHIPS.len());
        assert_eq!(FRIENDSHIPS.iter().filter(|f| !f.accepted).count(), 1);
        for (title, who) in STAYING_AWAY {
            let event = EVENTS.iter().find(|e| e.title == *title).expect(title);
            let slot = &event.slots[0];
            // Priya and Alex (the first to sign up) get confirmed places.
            assert!(slot.days > 0 && slot.signups >= 3 && slot.capacity.is_none_or(|c| c >= 3));
            assert!(event.host != 2 && event.host != 3 && event.host != *who);
            assert_eq!(&SIGN_UP_ORDER[..2], &[2, 3]);
        }
    }
}
