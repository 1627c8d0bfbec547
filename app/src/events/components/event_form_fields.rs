use crate::{
    error::AppError,
    events::model::{EventForm, EventKind},
    ui::form::{SelectField, TextArea, TextField},
};
use leptos::prelude::*;

/// What the event form asks about dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFields {
    /// A new event: a date, times, and optional repeats and shifts.
    All,
    /// Editing an event with one date: that date and its times.
    Single,
    /// Editing an event with several dates or shifts: dates are not changed here.
    None,
}

/// The event form's fields, filled in from `initial`, for creating and editing events.
#[component]
pub fn EventFormFields(
    initial: EventForm,
    #[prop(into)] error: Signal<Option<AppError>>,
    dates: DateFields,
) -> impl IntoView {
    let kinds: Vec<(&'static str, &'static str)> = EventKind::ALL
        .into_iter()
        .map(|k| (k.as_str(), k.label()))
        .collect();
    let f = initial;
    let open_more = !(f.repeat_weeks.is_empty() && f.other_dates.is_empty() && f.shifts.is_empty());
    view! {
        <TextField label="Title" name="title" value=f.title error=error required=true />
        <SelectField label="Kind" name="kind" options=kinds selected=f.kind error=error />
        <TextArea label="What will happen (optional)" name="description" value=f.description error=error />
        {(dates != DateFields::None).then(|| view! {
            <TextField label="Date" name="date" kind="date" value=f.date error=error required=true />
            <TextField label="Starts (UK time)" name="start_time" kind="time" value=f.start_time error=error />
            <TextField label="Ends (UK time)" name="end_time" kind="time" value=f.end_time error=error />
        })}
        {(dates == DateFields::All).then(|| view! {
            <details class="more-dates" open=open_more>
                <summary>"More dates or shifts (optional)"</summary>
                <TextField
                    label="Repeat weekly for (weeks, in all)"
                    name="repeat_weeks"
                    kind="number"
                    value=f.repeat_weeks
                    hint="4 makes four weekly dates. People sign up to each date."
                    error=error
                />
                <TextField
                    label="Also on these days"
                    name="other_dates"
                    value=f.other_dates
                    hint="Like 2026-12-10, 2026-12-17"
                    error=error
                />
                <TextArea
                    label="Shifts"
                    name="shifts"
                    value=f.shifts
                    hint="One per line, like 10:00-12:00 Morning. Each shift has its own places; they replace the start and end times."
                    error=error
                />
            </details>
        })}
        <TextField label="Venue (for events in person)" name="venue" value=f.venue error=error />
        <TextField label="Postcode (for events in person)" name="postcode" autocomplete="postal-code" value=f.postcode error=error />
        <TextField label="Link to join (for online events)" name="online_url" kind="url" value=f.online_url error=error />
        <TextField label="Places (blank for no limit)" name="capacity" kind="number" value=f.capacity hint="For each date or shift." error=error />
    }
}
