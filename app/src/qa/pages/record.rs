use super::{question_card::Answer, votes_text};
use crate::qa::model::{QuestionStatus, QuestionView, SessionView};
use leptos::prelude::*;

/// The published record: every question in the order asked, with what became of it.
#[component]
pub fn Record(view: SessionView) -> impl IntoView {
    let empty = view.record.is_empty();
    view! {
        <section aria-labelledby="record-heading">
            <h2 id="record-heading">"The record"</h2>
            <p class="muted">"Every question put to the moderators, in the order asked: answered, merged into another, not reached, or declined with the reason."</p>
            {empty.then(|| view! { <p class="empty">"No questions were asked."</p> })}
            <ol class="card-list qa-record">
                {view.record.into_iter().map(|q| view! { <RecordLine q /> }).collect_view()}
            </ol>
        </section>
    }
}

fn outcome(q: &QuestionView) -> String {
    match q.status {
        QuestionStatus::Answered => "Answered".to_string(),
        QuestionStatus::Approved => "Not reached".to_string(),
        QuestionStatus::Merged => match q.merged_into {
            Some(into) => format!("Merged into question {into}"),
            None => "Merged".to_string(),
        },
        QuestionStatus::Declined => format!("Declined: {}", q.declined.clone().unwrap_or_default()),
        QuestionStatus::Pending | QuestionStatus::Withdrawn => String::new(),
    }
}

#[component]
fn RecordLine(q: QuestionView) -> impl IntoView {
    let merged = q.merged_into;
    view! {
        <li class="card" id=format!("q-{}", q.id)>
            <p class="muted">{format!("Question {} · {} · {}", q.id, q.asker, votes_text(q.votes))}</p>
            {(!q.body.is_empty()).then(|| view! { <p class="qa-question">{q.body.clone()}</p> })}
            {q.edited.then(|| view! { <p class="muted">"Edited by a moderator."</p> })}
            <p class="qa-status"><strong>{outcome(&q)}</strong>
                {merged.map(|into| view! { " " <a href=format!("#q-{into}")>"See that question"</a> })}
            </p>
            {q.answers.clone().into_iter().map(|a| view! { <Answer a /> }).collect_view()}
        </li>
    }
}
