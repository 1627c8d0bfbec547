//! Things done on a phone with no signal, kept on the device (the browser's local storage)
//! until the network is back: check-in taps on a host's dashboard, phonebank calls. Each
//! queue is a JSON list under its own key. The server build has no device: its queues are
//! always empty.

use serde::{de::DeserializeOwned, Serialize};

/// One queue of waiting items, under `key` in local storage.
#[derive(Clone, Copy, Debug)]
pub struct DeviceQueue {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    key: &'static str,
}

impl DeviceQueue {
    pub const fn new(key: &'static str) -> Self {
        Self { key }
    }

    /// Everything waiting, oldest first.
    pub fn waiting<T: DeserializeOwned>(&self) -> Vec<T> {
        #[cfg(feature = "hydrate")]
        {
            storage()
                .and_then(|s| s.get_item(self.key).ok().flatten())
                .and_then(|json| serde_json::from_str(&json).ok())
                .unwrap_or_default()
        }
        #[cfg(not(feature = "hydrate"))]
        Vec::new()
    }

    /// Replaces what is waiting with `items`.
    pub fn store<T: Serialize>(&self, items: &[T]) {
        #[cfg(feature = "hydrate")]
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(items)) {
            let _ = storage.set_item(self.key, &json);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = items;
    }
}

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Whether the browser knows it has no network.
pub fn is_offline() -> bool {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().is_some_and(|w| !w.navigator().on_line())
    }
    #[cfg(not(feature = "hydrate"))]
    false
}

/// Runs `run` each time the network comes back, for as long as the page is open.
pub fn when_back_online(run: impl Fn() + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        if let Some(window) = web_sys::window() {
            let callback = Closure::<dyn Fn()>::new(run);
            let _ = window
                .add_event_listener_with_callback("online", callback.as_ref().unchecked_ref());
            // Lives as long as the page.
            callback.forget();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = run;
}
