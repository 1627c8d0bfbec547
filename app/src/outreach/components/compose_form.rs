//! The composer: the draft's form, saved to the server with "Save draft".

use super::{
    audience_field::{AudienceFieldset, MilesField},
    body_field::BodyField,
    compose_state::ComposeState,
};
use crate::{
    error::AppError,
    outreach::{
        api::SaveMessage,
        model::{Channel, MessageView},
    },
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// Subject (emails), body, audience, event, send time and, for staff writing a text,
/// quiet hours. Each error from saving shows beside its field.
#[component]
pub fn ComposeForm(
    view: MessageView,
    state: ComposeState,
    action: ServerAction<SaveMessage>,
) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let email = view.channel == Channel::Email;
    let channel = view.channel;
    view! {
        <section class="card compose" aria-labelledby="compose-heading">
            <h2 id="compose-heading">"Write it"</h2>
            <FormError error=error />
            <ActionForm action=action>
                <input type="hidden" name="id" value=view.id />
                // Typing here feeds the live preview (events bubble up from the field).
                {email.then(|| view! {
                    <div on:input=move |ev| state.subject.set(event_target_value(&ev))>
                        <TextField label="Subject" name="subject" value=view.subject.clone() error=error />
                    </div>
                })}
                <BodyField channel state error />
                <AudienceFieldset state error />
                {view.group_id.map(|group_id| view! { <MilesField group_id channel miles=view.audience_miles state error /> })}
                <EventField events=view.events.clone() current=view.event_id error />
                <TextField
                    label="Send at (UK time, leave empty to send straight away)"
                    name="send_at"
                    kind="datetime-local"
                    value=view.send_at_local.clone()
                    error=error
                />
                {(!email && view.may_override_quiet).then(|| view! { <QuietOverride checked=view.quiet_override /> })}
                <SubmitButton label="Save draft" pending=action.pending() />
            </ActionForm>
        </section>
    }
    .into_any()
}

/// The event whose link and title the merge fields fill in. Nothing when the group has no
/// upcoming events.
#[component]
fn EventField(
    events: Vec<(i32, String)>,
    current: Option<i32>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    if events.is_empty() {
        return ().into_any();
    }
    let message = move || error.get().and_then(|e| e.message_for("event_id"));
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for="field-event_id">"Event"</label>
            <p class="field-hint" id="event_id-hint">"For {{event_link}} and {{event_title}}."</p>
            {move || message().map(|text| view! { <p class="field-error" id="event_id-error">{text}</p> })}
            <select
                id="field-event_id"
                name="event_id"
                aria-describedby="event_id-hint"
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
            >
                <option value="" selected={current.is_none()}>"No event"</option>
                {events
                    .into_iter()
                    .map(|(id, title)| view! { <option value=id.to_string() selected={current == Some(id)}>{title}</option> })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// Staff only: let a text go out between 9pm and 9am.
#[component]
fn QuietOverride(checked: bool) -> impl IntoView {
    view! {
        <div class="field field-checkbox">
            <input id="field-quiet_override" type="checkbox" name="quiet_override" value="yes" checked={checked} />
            <label for="field-quiet_override">"Send even in quiet hours (9pm–9am)"</label>
        </div>
    }
    .into_any()
}
