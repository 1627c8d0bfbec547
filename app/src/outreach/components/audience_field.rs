//! Who a message goes to: the audience choices with their counts, and the area's radius.

use super::compose_state::{people, ComposeState};
use crate::{
    error::AppError,
    outreach::{
        api::count_audience,
        model::{AudienceKind, Channel, MAX_AREA_MILES},
    },
};
use leptos::prelude::*;

/// One radio button per audience, each saying how many people it reaches now.
#[component]
pub fn AudienceFieldset(
    state: ComposeState,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for("audience"));
    let kinds: Vec<AudienceKind> = state
        .counts
        .with_untracked(|options| options.iter().map(|o| o.kind).collect());
    view! {
        <fieldset class="field audience" class:field-invalid=move || message().is_some()>
            <legend>"Who it goes to"</legend>
            <p class="field-hint">"Counts are of people who agreed to hear from you this way. Nobody else gets it."</p>
            {move || message().map(|text| view! { <p class="field-error" id="audience-error">{text}</p> })}
            {kinds.into_iter().map(|kind| view! { <AudienceChoice kind state /> }).collect_view()}
        </fieldset>
    }
    .into_any()
}

#[component]
fn AudienceChoice(kind: AudienceKind, state: ComposeState) -> impl IntoView {
    let id = format!("audience-{}", kind.as_str());
    let checked = state.audience.get_untracked() == kind;
    let label = move || {
        state.counts.with(|options| {
            options
                .iter()
                .find(|o| o.kind == kind)
                .map(|o| o.label.clone())
                .unwrap_or_default()
        })
    };
    let count = move || format!(" · {}", people(state.count_of(kind)));
    view! {
        <div class="field field-checkbox">
            <input
                type="radio"
                id=id.clone()
                name="audience"
                value=kind.as_str()
                checked={checked}
                on:change=move |_| state.audience.set(kind)
            />
            <label for=id>{label} <span class="muted">{count}</span></label>
        </div>
    }
    .into_any()
}

/// How far from the group's area "Supporters near the group's area" reaches. With
/// JavaScript, changing it recounts that audience at once; without, saving does.
#[component]
pub fn MilesField(
    group_id: i32,
    channel: Channel,
    miles: i32,
    state: ComposeState,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for("audience_miles"));
    let described_by = move || {
        if message().is_some() {
            "audience_miles-hint audience_miles-error"
        } else {
            "audience_miles-hint"
        }
    };
    let hint = format!(
        "How far \"supporters near the group's area\" reaches: 1 to {MAX_AREA_MILES} miles."
    );
    view! {
        <div class="field field-miles" class:field-invalid=move || message().is_some()>
            <label for="field-audience_miles">"Miles from the group's area"</label>
            <p class="field-hint" id="audience_miles-hint">{hint}</p>
            {move || message().map(|text| view! { <p class="field-error" id="audience_miles-error">{text}</p> })}
            <input
                id="field-audience_miles"
                type="number"
                name="audience_miles"
                min="1"
                max=MAX_AREA_MILES.to_string()
                step="1"
                value=miles.to_string()
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                on:change=move |ev| {
                    if let Ok(miles) = event_target_value(&ev).trim().parse::<i32>() {
                        recount_area(group_id, channel, miles, state);
                    }
                }
            />
        </div>
    }
    .into_any()
}

/// Asks the server how many people the area reaches at `miles`, and shows it.
fn recount_area(group_id: i32, channel: Channel, miles: i32, state: ComposeState) {
    if !(1..=MAX_AREA_MILES).contains(&miles) {
        return;
    }
    leptos::task::spawn_local(async move {
        let counted = count_audience(
            Some(group_id),
            channel.as_str().to_string(),
            AudienceKind::Area.as_str().to_string(),
            miles,
        )
        .await;
        if let Ok(count) = counted {
            state.counts.update(|options| {
                if let Some(area) = options.iter_mut().find(|o| o.kind == AudienceKind::Area) {
                    // The server's words for this choice (`service::message_page`).
                    area.label = format!("Supporters within {miles} miles of the group's area");
                    area.count = count;
                }
            });
        }
    });
}
