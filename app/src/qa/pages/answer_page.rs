use super::{id_param, question_card::Answer, votes_text, watching_text};
use crate::{
    error::AppError,
    qa::{
        api::{politician_desk, AnswerQuestion},
        model::{AnswerDesk, Phase, PoliticianView, QuestionView},
    },
    ui::{form::FormError, notice::QueryNotice, page_title::PageTitle},
};
use leptos::{form::ActionForm, prelude::*};

/// The politician's (or staffer's) desk: approved questions, moderators' picks first then
/// by votes; each answer reaches every watcher within a second.
#[component]
pub fn AnswerPage() -> impl IntoView {
    let id = id_param();
    let answer = ServerAction::<AnswerQuestion>::new();
    let tick = RwSignal::new(0usize);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|n| *n += 1),
        std::time::Duration::from_secs(10),
    ) {
        on_cleanup(move || handle.clear());
    }
    let desk = Resource::new(
        move || (id(), answer.version().get() + tick.get()),
        |(id, _)| politician_desk(id),
    );
    let error = Signal::derive(move || answer.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Answer questions · MembersNet" />
        <section class="container qa">
            <QueryNotice key="answered" text="Answer published: everyone watching sees it now." />
            <FormError error=error />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match desk.await {
                        Ok(view) => view! { <Desk view answer /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> "."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Desk(view: AnswerDesk, answer: ServerAction<AnswerQuestion>) -> impl IntoView {
    let id = view.id;
    let note = match view.phase {
        Phase::Upcoming | Phase::Asking => Some("The live part has not started: answers open when it does."),
        Phase::Closed => Some("The session has closed: questions it did not reach can still be answered in writing, and are marked so."),
        Phase::Live => None,
    };
    let empty = view.queue.is_empty();
    let as_whom = view.as_whom.clone();
    view! {
        <h1>{format!("Answering: {}", view.title)}</h1>
        <p><a href=format!("/qa/{id}")>"See the session as members do"</a> " · " {watching_text(view.watching)}</p>
        {note.map(|text| view! { <p class="notice">{text}</p> })}
        <h2>"Questions to answer"</h2>
        {empty.then(|| view! { <p class="empty">"No approved questions waiting."</p> })}
        <ol class="card-list">
            {view.queue.into_iter().map(|q| view! { <ToAnswer id q as_whom=as_whom.clone() answer /> }).collect_view()}
        </ol>
        <h2>"Answered"</h2>
        <ul class="card-list">
            {view.answered.into_iter().map(|q| view! {
                <li class="card">
                    <p class="qa-question">{q.body.clone()}</p>
                    {q.answers.into_iter().map(|a| view! { <Answer a /> }).collect_view()}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ToAnswer(
    id: i32,
    q: QuestionView,
    as_whom: Vec<PoliticianView>,
    answer: ServerAction<AnswerQuestion>,
) -> impl IntoView {
    let question = q.id;
    let field = format!("answer-{question}");
    let single = as_whom.len() == 1;
    view! {
        <li class="card" id=format!("q-{question}")>
            <p class="qa-question">{q.body.clone()}</p>
            <p class="muted">{format!("{} · {}{}", q.asker, votes_text(q.votes), if q.pick { " · moderators' pick" } else { "" })}</p>
            <ActionForm action=answer>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="question_id" value=question />
                {if single {
                    view! { <input type="hidden" name="politician_id" value=as_whom[0].id /> }.into_any()
                } else {
                    view! {
                        <label for=format!("as-{question}")>"Answer as"</label>
                        <select id=format!("as-{question}") name="politician_id">
                            {as_whom.into_iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                        </select>
                    }.into_any()
                }}
                <label for=field.clone()>"Your answer"</label>
                <textarea id=field name="body" rows="4" required=true></textarea>
                <button type="submit" class="button">"Publish the answer"</button>
            </ActionForm>
        </li>
    }
}
