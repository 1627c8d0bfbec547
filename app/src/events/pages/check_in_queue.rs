//! Check-in taps made on a host's dashboard while offline (a church hall with no signal):
//! kept on the device (`ui::device_queue`), sent when the network is back. Each tap says
//! what it wants ("arrived" or not), and the server sets exactly that, so a tap sent
//! twice, or after the page sent it too, changes nothing more: each takes effect once.

use crate::ui::device_queue::DeviceQueue;
pub use crate::ui::device_queue::{is_offline, when_back_online};
use serde::{Deserialize, Serialize};

/// Where the browser keeps the taps waiting.
const TAPS: DeviceQueue = DeviceQueue::new("membersnet-check-ins");

/// One tap: this sign-up arrived, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tap {
    pub signup_id: i32,
    pub arrived: bool,
}

/// Adds `tap` to `waiting`: a later tap for the same person replaces an earlier one.
pub fn with_tap(mut waiting: Vec<Tap>, tap: Tap) -> Vec<Tap> {
    waiting.retain(|t| t.signup_id != tap.signup_id);
    waiting.push(tap);
    waiting
}

/// The taps waiting to be sent.
pub fn waiting() -> Vec<Tap> {
    TAPS.waiting()
}

/// Keeps `tap` until the network is back.
pub fn queue(tap: Tap) {
    TAPS.store(&with_tap(waiting(), tap));
}

/// Forgets `tap` once the server has answered it.
pub fn forget(tap: Tap) {
    let left: Vec<Tap> = waiting().into_iter().filter(|t| *t != tap).collect();
    TAPS.store(&left);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_tap_for_a_person_wins() {
        let tap = |signup_id, arrived| Tap { signup_id, arrived };
        let waiting = with_tap(with_tap(vec![], tap(1, true)), tap(2, true));
        assert_eq!(
            with_tap(waiting, tap(1, false)),
            [tap(2, true), tap(1, false)]
        );
    }
}
