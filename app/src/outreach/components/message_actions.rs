//! The forms of a message's page, made once so the page reloads after any of them.

use crate::{
    error::AppError,
    outreach::api::{SaveMessage, SendMessage, SendTestMessage, UnscheduleMessage},
};
use leptos::prelude::*;

/// Save, test, send and unschedule: each a plain form that also works without JavaScript.
#[derive(Clone, Copy)]
pub struct MessageActions {
    pub save: ServerAction<SaveMessage>,
    pub test: ServerAction<SendTestMessage>,
    pub send: ServerAction<SendMessage>,
    pub unschedule: ServerAction<UnscheduleMessage>,
    succeeded: Memo<usize>,
}

/// Counts an action's successful runs: a refused one leaves the count alone, so the page
/// is not reloaded and what the person typed stays in the form beside the error.
fn successes<A>(action: ServerAction<A>) -> Memo<usize>
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    Memo::new(move |before: Option<&usize>| {
        let runs = action.version().get();
        match action.value().get() {
            Some(Err(_)) => before.copied().unwrap_or(0),
            _ => runs,
        }
    })
}

impl MessageActions {
    pub fn new() -> Self {
        let (save, test, send, unschedule) = (
            ServerAction::<SaveMessage>::new(),
            ServerAction::<SendTestMessage>::new(),
            ServerAction::<SendMessage>::new(),
            ServerAction::<UnscheduleMessage>::new(),
        );
        let counts = [
            successes(save),
            successes(test),
            successes(send),
            successes(unschedule),
        ];
        Self {
            save,
            test,
            send,
            unschedule,
            succeeded: Memo::new(move |_| counts.iter().map(|c| c.get()).sum()),
        }
    }

    /// Changes whenever one of the forms has succeeded.
    pub fn version(&self) -> usize {
        self.succeeded.get()
    }
}

impl Default for MessageActions {
    fn default() -> Self {
        Self::new()
    }
}
