//! The session page's live updates: with JavaScript, an EventSource on `/qa/:id/live`
//! feeds vote counts, answers and "read the page again"; without, the page refreshes
//! itself (see `session_page`).

use crate::qa::model::{AnswerView, LiveUpdate};
use leptos::prelude::*;
use std::collections::HashMap;

/// What arrived live since the page was read.
#[derive(Clone, Copy)]
pub struct Live {
    pub votes: RwSignal<HashMap<i32, i32>>,
    pub answers: RwSignal<Vec<AnswerView>>,
    pub watching: RwSignal<Option<i64>>,
    /// Bumped when the page should be read again.
    pub reload: RwSignal<usize>,
}

impl Live {
    pub fn new() -> Self {
        Self {
            votes: RwSignal::new(HashMap::new()),
            answers: RwSignal::new(Vec::new()),
            watching: RwSignal::new(None),
            reload: RwSignal::new(0),
        }
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn apply(self, update: LiveUpdate) {
        match update {
            LiveUpdate::Counts { watching, votes } => {
                self.watching.set(Some(watching));
                if !votes.is_empty() {
                    self.votes.update(|known| known.extend(votes));
                }
            }
            LiveUpdate::Answer { answer } => self.answers.update(|answers| {
                if !answers.iter().any(|a| a.id == answer.id) {
                    answers.insert(0, answer);
                }
            }),
            LiveUpdate::Changed => self.reload.update(|n| *n += 1),
        }
    }

    /// Listens to session `id` while the page is open.
    pub fn listen(self, id: i32) {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::{closure::Closure, JsCast};
            let Ok(source) = web_sys::EventSource::new(&format!("/qa/{id}/live")) else {
                return;
            };
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    if let Some(text) = event.data().as_string() {
                        if let Ok(update) = serde_json::from_str::<LiveUpdate>(&text) {
                            self.apply(update);
                        }
                    }
                },
            );
            source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            // The browser reconnects by itself after a drop (a server restarting): what
            // was missed meanwhile is read again with the page.
            let mut opened = 0u32;
            let on_open = Closure::<dyn FnMut()>::new(move || {
                opened += 1;
                if opened > 1 {
                    self.reload.update(|n| *n += 1);
                }
            });
            source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
            on_open.forget();
            // Closed when the page goes; a local handle, as the browser's objects stay on
            // its one thread.
            let source = StoredValue::new_local(source);
            on_cleanup(move || source.with_value(|s| s.close()));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (self, id);
    }
}
