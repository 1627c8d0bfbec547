use crate::{
    events::{api::CreateEvent, model::EventKind},
    ui::form::{FormError, SelectField, SubmitButton, TextArea, TextField},
};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;

/// Any signed-in person can host an event.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let action = ServerAction::<CreateEvent>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let kinds: Vec<(&'static str, &'static str)> = EventKind::ALL
        .into_iter()
        .map(|k| (k.as_str(), k.label()))
        .collect();
    view! {
        <Title text="Create an event · MembersNet" />
        <section class="card narrow">
            <h1>"Create an event"</h1>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Title" name="title" error=error required=true />
                <SelectField label="Kind" name="kind" options=kinds error=error />
                <TextArea label="What will happen (optional)" name="description" error=error />
                <TextField label="Date" name="date" kind="date" error=error required=true />
                <TextField label="Starts (UK time)" name="start_time" kind="time" error=error required=true />
                <TextField label="Ends (UK time)" name="end_time" kind="time" error=error required=true />
                <TextField label="Venue (for events in person)" name="venue" error=error />
                <TextField label="Postcode (for events in person)" name="postcode" autocomplete="postal-code" error=error />
                <TextField label="Link to join (for online events)" name="online_url" kind="url" error=error />
                <TextField label="Places (blank for no limit)" name="capacity" kind="number" error=error />
                <SubmitButton label="Publish event" pending=action.pending() />
            </ActionForm>
        </section>
    }
}
