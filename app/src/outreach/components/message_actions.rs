//! The forms of a message's page, made once so the page reloads after any of them.

use crate::outreach::api::{SaveMessage, SendMessage, SendTestMessage, UnscheduleMessage};
use leptos::prelude::*;

/// Save, test, send and unschedule: each a plain form that also works without JavaScript.
#[derive(Clone, Copy)]
pub struct MessageActions {
    pub save: ServerAction<SaveMessage>,
    pub test: ServerAction<SendTestMessage>,
    pub send: ServerAction<SendMessage>,
    pub unschedule: ServerAction<UnscheduleMessage>,
}

impl MessageActions {
    pub fn new() -> Self {
        Self {
            save: ServerAction::new(),
            test: ServerAction::new(),
            send: ServerAction::new(),
            unschedule: ServerAction::new(),
        }
    }

    /// Changes whenever any of the forms has been sent.
    pub fn version(&self) -> usize {
        self.save.version().get()
            + self.test.version().get()
            + self.send.version().get()
            + self.unschedule.version().get()
    }
}

impl Default for MessageActions {
    fn default() -> Self {
        Self::new()
    }
}
