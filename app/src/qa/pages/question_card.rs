use super::{live_updates::Live, votes_text};
use crate::qa::{
    api::{ReportContent, VoteQuestion, WithdrawQuestion},
    model::{AnswerView, QuestionStatus, QuestionView},
};
use leptos::{form::ActionForm, prelude::*};

/// The session page's actions on a question.
#[derive(Clone, Copy)]
pub struct Actions {
    pub vote: ServerAction<VoteQuestion>,
    pub withdraw: ServerAction<WithdrawQuestion>,
    pub report: ServerAction<ReportContent>,
}

/// What the asker sees of their own question's progress.
fn status_text(q: &QuestionView) -> String {
    match q.status {
        QuestionStatus::Pending => "Waiting for a moderator".to_string(),
        QuestionStatus::Approved => "Approved: members can vote for it".to_string(),
        QuestionStatus::Answered => "Answered".to_string(),
        QuestionStatus::Merged => {
            "Merged into a question asked earlier, which your vote and name now share".to_string()
        }
        QuestionStatus::Declined => format!("Declined: {}", q.declined.clone().unwrap_or_default()),
        QuestionStatus::Withdrawn => "Withdrawn".to_string(),
    }
}

/// One question: its words, who asked, its votes (live), the vote button, its answers.
#[component]
pub fn QuestionCard(
    id: i32,
    q: QuestionView,
    live: Live,
    actions: Actions,
    asking: bool,
    signed_in: bool,
) -> impl IntoView {
    let question_id = q.id;
    let base_votes = q.votes;
    let votes = move || {
        live.votes
            .with(|v| v.get(&question_id).copied())
            .unwrap_or(base_votes)
    };
    let can_vote = asking && q.status == QuestionStatus::Approved && !q.mine;
    let voted = q.voted;
    let withdrawable =
        q.mine && matches!(q.status, QuestionStatus::Pending | QuestionStatus::Approved);
    let shared = (q.merged_in > 0).then(|| format!(" · asked by {} members", q.merged_in + 1));
    let meta = format!(
        "{}{}{}",
        q.topic
            .as_ref()
            .map(|t| format!("{t} · "))
            .unwrap_or_default(),
        q.asker,
        shared.unwrap_or_default()
    );
    view! {
        <li class="card qa-question-card" id=format!("q-{question_id}")>
            <p class="qa-question">{q.body.clone()}</p>
            {q.edited.then(|| view! { <p class="muted">"Edited by a moderator."</p> })}
            <p class="muted">{meta} " · " <span class="qa-votes">{move || votes_text(votes())}</span></p>
            {q.mine.then(|| view! { <p class="qa-status"><strong>{status_text(&q)}</strong></p> })}
            <div class="actions">
                {can_vote.then(|| view! {
                    <ActionForm action=actions.vote>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="question_id" value=question_id />
                        <input type="hidden" name="direction" value=if voted { "down" } else { "up" } />
                        <button type="submit" class="button" aria-pressed=if voted { "true" } else { "false" }>
                            {if voted { "Take my vote back" } else { "Vote for this question" }}
                        </button>
                    </ActionForm>
                })}
                {withdrawable.then(|| view! {
                    <ActionForm action=actions.withdraw>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="question_id" value=question_id />
                        <button type="submit" class="button button-secondary">"Withdraw my question"</button>
                    </ActionForm>
                })}
            </div>
            {q.answers.clone().into_iter().map(|a| view! { <Answer a /> }).collect_view()}
            {(signed_in && !q.mine).then(|| view! { <ReportForm id question_id=Some(question_id) answer_id=None report=actions.report /> })}
        </li>
    }
}

/// An answer under its question.
#[component]
pub fn Answer(a: AnswerView) -> impl IntoView {
    view! {
        <blockquote class="qa-answer" id=format!("answer-{}", a.id)>
            <p class="muted">
                {a.by.clone()}
                {a.afterwards.then_some(" · answered in writing after the session")}
                {a.hidden.then_some(" · hidden after a report (staff see it)")}
            </p>
            <p>{a.body.clone()}</p>
        </blockquote>
    }
}

/// "Report": a reason, sent to the moderators.
#[component]
pub fn ReportForm(
    id: i32,
    question_id: Option<i32>,
    answer_id: Option<i32>,
    report: ServerAction<ReportContent>,
) -> impl IntoView {
    let field = format!(
        "report-{}-{}",
        question_id.unwrap_or(0),
        answer_id.unwrap_or(0)
    );
    view! {
        <details class="qa-report">
            <summary>"Report"</summary>
            <ActionForm action=report>
                <input type="hidden" name="id" value=id />
                {question_id.map(|q| view! { <input type="hidden" name="question_id" value=q /> })}
                {answer_id.map(|a| view! { <input type="hidden" name="answer_id" value=a /> })}
                <label for=field.clone()>"What is wrong with it?"</label>
                <input id=field name="reason" required=true maxlength="500" />
                <button type="submit" class="button button-secondary">"Send the report"</button>
            </ActionForm>
        </details>
    }
}
