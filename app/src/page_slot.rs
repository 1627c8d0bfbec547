//! What a page, while it is drawn, hands back to a server layer through its request: the
//! layer puts an empty slot in the request's extensions, the page fills it, and the layer
//! takes it once the page is drawn. Used where a response header set by the page is not
//! enough (it was sometimes lost) or where the layer must change the page itself.

use leptos::prelude::use_context;
use std::sync::{Arc, Mutex};

/// One request's slot for a `T`, found by its type among the request's extensions.
pub struct PageSlot<T>(Arc<Mutex<Option<T>>>);

// By hand: a derived Clone would ask `T: Clone`, and only the Arc is cloned.
impl<T> Clone for PageSlot<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Default for PageSlot<T> {
    fn default() -> Self {
        Self(Arc::new(Mutex::new(None)))
    }
}

impl<T: Send + Sync + 'static> PageSlot<T> {
    /// Fills the slot of the request being drawn, if its layer gave it one.
    pub fn fill(value: T) {
        let slot = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Self>().cloned());
        if let Some(PageSlot(slot)) = slot {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(value);
            }
        }
    }

    /// What the page put in the slot, if it was drawn.
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// This page's Content-Security-Policy, for the security layer. Now and then (about one
/// page in six right after signing in, in Chromium) the response went out without the
/// header the shell set, so every inline script, hydration's included, was refused; the
/// layer sends this one whenever the response has none.
pub type PagePolicy = PageSlot<String>;

/// The section of the browser's code that drew this page (`event_section`, …), for the
/// server's `section_preloads` layer.
pub type PageSection = PageSlot<&'static str>;
