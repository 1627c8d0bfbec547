//! Check-in taps made on a host's dashboard while offline (a church hall with no signal):
//! kept in the browser, sent when the network is back. Each tap says what it wants
//! ("arrived" or not), and the server sets exactly that, so a tap sent twice, or after
//! the page sent it too, changes nothing more: each takes effect once.

use serde::{Deserialize, Serialize};

/// Where the browser keeps the taps waiting.
#[cfg(feature = "hydrate")]
const KEY: &str = "membersnet-check-ins";

/// One tap: this sign-up arrived, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tap {
    pub signup_id: i32,
    pub arrived: bool,
}

/// Adds `tap` to `waiting`: a later tap for the same person replaces an earlier one.
/// (Only the browser keeps taps; the server build has no use for it.)
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn with_tap(mut waiting: Vec<Tap>, tap: Tap) -> Vec<Tap> {
    waiting.retain(|t| t.signup_id != tap.signup_id);
    waiting.push(tap);
    waiting
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{with_tap, Tap, KEY};
    use wasm_bindgen::{closure::Closure, JsCast};

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn is_offline() -> bool {
        web_sys::window().is_some_and(|w| !w.navigator().on_line())
    }

    pub fn waiting() -> Vec<Tap> {
        storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    fn store(taps: &[Tap]) {
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(taps)) {
            let _ = storage.set_item(KEY, &json);
        }
    }

    pub fn queue(tap: Tap) {
        store(&with_tap(waiting(), tap));
    }

    pub fn forget(tap: Tap) {
        let left: Vec<Tap> = waiting().into_iter().filter(|t| *t != tap).collect();
        store(&left);
    }

    pub fn when_back_online(run: impl Fn() + 'static) {
        if let Some(window) = web_sys::window() {
            let callback = Closure::<dyn Fn()>::new(run);
            let _ = window
                .add_event_listener_with_callback("online", callback.as_ref().unchecked_ref());
            // Lives as long as the page.
            callback.forget();
        }
    }
}

#[cfg(feature = "hydrate")]
pub use browser::{forget, is_offline, queue, waiting, when_back_online};

#[cfg(not(feature = "hydrate"))]
pub fn is_offline() -> bool {
    false
}
#[cfg(not(feature = "hydrate"))]
pub fn queue(_tap: Tap) {}
#[cfg(not(feature = "hydrate"))]
pub fn waiting() -> Vec<Tap> {
    Vec::new()
}
#[cfg(not(feature = "hydrate"))]
pub fn forget(_tap: Tap) {}
#[cfg(not(feature = "hydrate"))]
pub fn when_back_online(_run: impl Fn() + 'static) {}

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
