//! Testing and sending a saved draft.

use super::{action_error::ActionError, compose_state::people, message_actions::MessageActions};
use crate::ui::form::SubmitButton;
use leptos::{form::ActionForm, prelude::*};

/// "Send me a test" and "Send to 140 people" (or "Schedule" when a send time is saved).
/// Both act on the saved draft; what stops a send (an unknown merge field, an audience of
/// nobody) is shown beside its button.
#[component]
pub fn SendControls(
    id: i32,
    /// How many the saved audience reaches now.
    count: i64,
    /// A send time is saved: the button schedules rather than sends.
    scheduled: bool,
    actions: MessageActions,
) -> impl IntoView {
    let test_error = Signal::derive(move || actions.test.value().get().and_then(Result::err));
    let send_error = Signal::derive(move || actions.send.value().get().and_then(Result::err));
    let send_label = if scheduled {
        "Schedule".to_string()
    } else {
        format!("Send to {}", people(count))
    };
    let pending = actions.send.pending();
    view! {
        <section class="card send-controls" aria-labelledby="send-heading">
            <h2 id="send-heading">"Test and send"</h2>
            <p class="muted">"These use the draft as last saved. Save your changes first."</p>
            <div class="send-step">
                <ActionError error=test_error />
                <ActionForm action=actions.test attr:class="inline-form">
                    <input type="hidden" name="id" value=id />
                    <SubmitButton label="Send me a test" class="button button-ghost" pending=actions.test.pending() />
                </ActionForm>
            </div>
            <div class="send-step">
                <ActionError error=send_error />
                <ActionForm action=actions.send attr:class="inline-form">
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button" aria-busy=move || pending.get().to_string()>{send_label}</button>
                </ActionForm>
            </div>
        </section>
    }
    .into_any()
}
