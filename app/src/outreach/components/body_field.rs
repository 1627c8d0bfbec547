//! The message box of the composer, with the live text counter for texts.

use super::{compose_state::ComposeState, merge_help::MergeFieldsHelp};
use crate::{
    error::AppError,
    outreach::{
        compose::{merge::merge, segments::count_sms},
        model::Channel,
    },
};
use leptos::prelude::*;

/// The body: Markdown for an email, plain for a text. For a text, the counter under it
/// says how long it is and what it costs; the server renders it from the saved body and
/// JavaScript keeps it current as the organiser types.
#[component]
pub fn BodyField(
    channel: Channel,
    state: ComposeState,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let initial = state.body.get_untracked();
    let sms = channel == Channel::Sms;
    let hint = match channel {
        Channel::Email => {
            "Markdown works: **bold**, *italic*, [links](https://example.org), lists."
        }
        Channel::Sms | Channel::Phone => "Plain text. Links are fine; keep it short.",
    };
    let message = move || error.get().and_then(|e| e.message_for("body"));
    let described_by = move || {
        let mut ids = vec!["body-hint", "body-merge-help"];
        if sms {
            ids.push("body-count");
        }
        if message().is_some() {
            ids.push("body-error");
        }
        ids.join(" ")
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for="field-body">"Body"</label>
            <p class="field-hint" id="body-hint">{hint}</p>
            <MergeFieldsHelp id="body-merge-help" />
            {move || message().map(|text| view! { <p class="field-error" id="body-error">{text}</p> })}
            <textarea
                id="field-body"
                name="body"
                rows={if sms { "6" } else { "14" }}
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=initial.clone()
                on:input=move |ev| state.body.set(event_target_value(&ev))
            >
                {initial.clone()}
            </textarea>
            {sms.then(|| view! { <SmsCounter state /> })}
        </div>
    }
    .into_any()
}

/// "142 characters · 1 text (GSM). Costs 1 text for each of the 140 recipients."
/// Counted as the text will be sent: merge fields filled for the audience's longest name.
#[component]
fn SmsCounter(state: ComposeState) -> impl IntoView {
    let line = move || {
        let values = state.longest_values();
        let (count, merged) = state.body.with(|body| {
            let sent = merge(body, &values);
            (count_sms(&sent), sent != *body)
        });
        format!(
            "{}{}. {}",
            if merged {
                "As sent to the longest name: "
            } else {
                ""
            },
            count.describe(),
            cost_line(count.segments, state.chosen_count())
        )
    };
    view! {
        <p class="field-hint sms-count" id="body-count" aria-live="polite">
            {line}
        </p>
    }
    .into_any()
}

/// What a text costs across the chosen audience, e.g. "Costs 2 texts for each of the
/// 140 recipients (280 in all)."
fn cost_line(segments: usize, recipients: i64) -> String {
    let texts = if segments == 1 {
        "1 text".to_string()
    } else {
        format!("{segments} texts")
    };
    match recipients {
        0 => format!("Costs {texts} for each recipient; this audience reaches nobody yet."),
        1 => format!("Costs {texts} for its 1 recipient."),
        n => {
            let total = n.saturating_mul(i64::try_from(segments).unwrap_or(i64::MAX));
            format!("Costs {texts} for each of the {n} recipients ({total} in all).")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cost_multiplies_texts_by_recipients() {
        assert_eq!(
            cost_line(2, 140),
            "Costs 2 texts for each of the 140 recipients (280 in all)."
        );
    }

    #[test]
    fn one_text_and_one_recipient_are_singular() {
        assert_eq!(cost_line(1, 1), "Costs 1 text for its 1 recipient.");
    }
}
