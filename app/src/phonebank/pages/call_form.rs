//! One call on the call page: who, the script, the survey and the outcome, saved in one
//! form whose answer brings the next call.

use crate::{
    error::AppError,
    phonebank::{
        api::{BridgeCall, SaveCall, SkipCall},
        model::{CallView, Question, QuestionKind, OUTCOMES},
    },
    ui::form::SubmitButton,
};
use leptos::{form::ActionForm, prelude::*};

/// The call: contact, script, survey, outcome.
#[component]
pub fn CallCard(
    call: CallView,
    phonebank_id: i32,
    save: ServerAction<SaveCall>,
    skip: ServerAction<SkipCall>,
) -> impl IntoView {
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let tel = call.tel.clone();
    view! {
        <article class="card call-card" aria-labelledby="call-who">
            <h2 id="call-who">{format!("Call {}", call.name)}</h2>
            <p class="muted">{if call.area.is_empty() { "Area not known".to_string() } else { format!("Area: {}", call.area) }}</p>
            {match tel {
                Some(href) => {
                    let number = href.trim_start_matches("tel:").to_string();
                    view! { <p><a class="button call-button" href=href>{format!("Call {number}")}</a></p> }.into_any()
                }
                None => view! { <BridgeButton phonebank_id contact_id=call.contact_id lease=call.lease /> }.into_any(),
            }}
            <section aria-label="Script" class="script">
                {call.script.into_iter().map(|s| view! {
                    <h3>{s.heading}</h3>
                    <div class="script-section" inner_html=s.html></div>
                }).collect_view()}
            </section>
            <ActionForm action=save>
                <input type="hidden" name="phonebank_id" value=phonebank_id />
                <input type="hidden" name="contact_id" value=call.contact_id />
                <input type="hidden" name="lease" value=call.lease />
                <input type="hidden" name="call_key" value=call.call_key.clone() />
                {(!call.questions.is_empty()).then(|| view! {
                    <h3>"Survey"</h3>
                    <p class="field-hint">"Only for a conversation (Talked)."</p>
                })}
                {call.questions.into_iter().map(|q| view! { <QuestionField question=q error /> }).collect_view()}
                <OutcomeField error />
                <div class="field">
                    <label for="field-callback_at">"Call back at (if they asked)"</label>
                    {move || error.get().and_then(|e| e.message_for("callback_at")).map(|m| view! { <p class="field-error" id="callback_at-error">{m}</p> })}
                    <input id="field-callback_at" type="datetime-local" name="callback_at" />
                </div>
                <div class="field">
                    <label for="field-note">"Note for the organiser (needed for “Needs an organiser”)"</label>
                    {move || error.get().and_then(|e| e.message_for("note")).map(|m| view! { <p class="field-error" id="note-error">{m}</p> })}
                    <textarea id="field-note" name="note" rows="2"></textarea>
                </div>
                <SubmitButton label="Save and next call" pending=save.pending() />
            </ActionForm>
            <ActionForm action=skip>
                <input type="hidden" name="phonebank_id" value=phonebank_id />
                <input type="hidden" name="contact_id" value=call.contact_id />
                <input type="hidden" name="lease" value=call.lease />
                <SubmitButton label="Skip this person" pending=skip.pending() class="button button-secondary" />
            </ActionForm>
        </article>
    }
}

/// A bridged call: the provider rings the caller's phone, then the contact's.
#[component]
fn BridgeButton(phonebank_id: i32, contact_id: i32, lease: i32) -> impl IntoView {
    let bridge = ServerAction::<BridgeCall>::new();
    let answer = move || {
        bridge.value().get().map(|result| match result {
            Ok(()) => view! { <p class="notice notice-success" role="status">"Your phone will ring in a moment: answer it to be put through."</p> }.into_any(),
            Err(err) => view! { <p class="notice notice-error" role="alert">{err.message_for("mobile").unwrap_or_else(|| err.to_string())}</p> }.into_any(),
        })
    };
    view! {
        <ActionForm action=bridge>
            <input type="hidden" name="phonebank_id" value=phonebank_id />
            <input type="hidden" name="contact_id" value=contact_id />
            <input type="hidden" name="lease" value=lease />
            <SubmitButton label="Call: your phone rings first" pending=bridge.pending() class="button call-button" />
        </ActionForm>
        {answer}
    }
}

/// How the call ended: one of the outcomes, as radio buttons.
#[component]
fn OutcomeField(error: Signal<Option<AppError>>) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for("outcome"));
    view! {
        <fieldset class="field outcomes" class:field-invalid=move || message().is_some()>
            <legend>"How did the call end?"</legend>
            {move || message().map(|m| view! { <p class="field-error" id="outcome-error">{m}</p> })}
            {OUTCOMES.into_iter().map(|o| {
                let id = format!("outcome-{}", o.as_str());
                view! {
                    <div class="field-checkbox">
                        <input type="radio" id=id.clone() name="outcome" value=o.as_str() required=true />
                        <label for=id>{o.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// One survey question, as its kind asks: empty on the call page, filled with the answer
/// `given` when a reviewer corrects a call (`id_prefix` keeps each row's ids apart).
#[component]
pub fn QuestionField(
    question: Question,
    error: Signal<Option<AppError>>,
    #[prop(optional)] given: String,
    #[prop(optional, into)] id_prefix: String,
) -> impl IntoView {
    let field = question.field();
    let is_given = |value: &str| given.split("; ").any(|g| g == value);
    let message = {
        let field = field.clone();
        Signal::derive(move || error.get().and_then(|e| e.message_for(&field)))
    };
    let legend = format!(
        "{}. {}{}",
        question.number,
        question.label,
        if question.required { " (required)" } else { "" }
    );
    let condition = question.shown_when.as_ref().map(|w| {
        format!(
            "Ask only if question {} was answered “{}”.",
            w.question, w.value
        )
    });
    let choice = |input: &'static str,
                  name: String,
                  value: String,
                  label: String,
                  id: String,
                  checked: bool| {
        view! {
            <div class="field-checkbox">
                <input type=input id=id.clone() name=name value=value checked=checked />
                <label for=id>{label}</label>
            </div>
        }
    };
    let inputs = match &question.kind {
        QuestionKind::FreeText => {
            let id = format!("{id_prefix}answer-{field}");
            let name = format!("answers[{field}]");
            // An empty text child would be drawn as a space: no child when there is none.
            let area = if given.is_empty() {
                view! { <textarea id=id.clone() name=name rows="2"></textarea> }.into_any()
            } else {
                view! { <textarea id=id.clone() name=name rows="2">{given.clone()}</textarea> }
                    .into_any()
            };
            view! { <label class="visually-hidden" for=id>{question.label.clone()}</label>{area} }
                .into_any()
        }
        QuestionKind::SeveralChoices(options) => options
            .iter()
            .enumerate()
            .map(|(i, option)| {
                choice(
                    "checkbox",
                    format!("answers[{field}_{}]", i + 1),
                    "on".into(),
                    option.clone(),
                    format!("{id_prefix}answer-{field}-{}", i + 1),
                    is_given(option),
                )
            })
            .collect_view()
            .into_any(),
        _ => {
            let labels: Vec<(String, String)> = match &question.kind {
                QuestionKind::YesNo => {
                    vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())]
                }
                _ => question
                    .choices()
                    .into_iter()
                    .map(|c| (c.clone(), c))
                    .collect(),
            };
            labels
                .into_iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let checked = !given.is_empty() && given == value;
                    choice(
                        "radio",
                        format!("answers[{field}]"),
                        value,
                        label,
                        format!("{id_prefix}answer-{field}-{}", i + 1),
                        checked,
                    )
                })
                .collect_view()
                .into_any()
        }
    };
    view! {
        <fieldset class="field" class:field-invalid=move || message.get().is_some()>
            <legend>{legend}</legend>
            {condition.map(|c| view! { <p class="field-hint">{c}</p> })}
            {move || message.get().map(|m| view! { <p class="field-error">{m}</p> })}
            {inputs}
        </fieldset>
    }
}
