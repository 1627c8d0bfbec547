use super::{
    ask_form::AskForm,
    id_param,
    live_updates::Live,
    question_card::{Actions, QuestionCard},
    record::Record,
    watching_text,
};
use crate::{
    error::AppError,
    qa::{
        api::{
            session_page, AskQuestion, CloseSession, ReportContent, VoteQuestion, WithdrawQuestion,
        },
        model::{Phase, SessionView},
    },
    ui::{
        form::FormError, notice::QueryNotice, page_title::PageTitle,
        structured_data::StructuredData,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// A session: while it runs, the questions to vote on and the answers as they come; once
/// closed, its record. With JavaScript it updates live; without, it reloads itself.
#[component]
pub fn SessionPage() -> impl IntoView {
    let id = id_param();
    let actions = Actions {
        vote: ServerAction::<VoteQuestion>::new(),
        withdraw: ServerAction::<WithdrawQuestion>::new(),
        report: ServerAction::<ReportContent>::new(),
    };
    let ask = ServerAction::<AskQuestion>::new();
    let close = ServerAction::<CloseSession>::new();
    let live = Live::new();
    let page = Resource::new(
        move || {
            (
                id(),
                ask.version().get()
                    + actions.vote.version().get()
                    + actions.withdraw.version().get()
                    + actions.report.version().get()
                    + close.version().get()
                    + live.reload.get(),
            )
        },
        |(id, _)| session_page(id),
    );
    Effect::new(move |started: Option<i32>| {
        let now = id();
        if started != Some(now) && now > 0 {
            live.listen(now);
        }
        now
    });
    let error = Signal::derive(move || {
        actions
            .vote
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| actions.withdraw.value().get().and_then(Result::err))
            .or_else(|| actions.report.value().get().and_then(Result::err))
    });
    view! {
        <PageTitle text="Q&A · MembersNet" />
        <section class="container qa">
            <div class="notices">
                <QueryNotice key="created" text="Session scheduled. Share this page: members can ask once questions open." />
                <QueryNotice key="asked" text="Thank you: your question has gone to the moderators. You can see its progress below." />
                <QueryNotice key="reported" text="Thank you: the moderators will look at your report." />
                {move || actions.vote.value().get().is_some_and(|r| r.is_ok()).then(|| view! { <p class="visually-hidden" role="status">"Vote saved."</p> })}
            </div>
            <FormError error=error />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(view) => view! { <Session view live ask close actions /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to read this session."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Session(
    view: SessionView,
    live: Live,
    ask: ServerAction<AskQuestion>,
    close: ServerAction<CloseSession>,
    actions: Actions,
) -> impl IntoView {
    let id = view.id;
    let running = matches!(view.phase, Phase::Asking | Phase::Live);
    let with = view
        .politicians
        .iter()
        .map(|p| {
            if p.title.is_empty() {
                p.name.clone()
            } else {
                format!("{}, {}", p.name, p.title)
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let whose = match view.group_slug.clone() {
        Some(slug) => {
            view! { <a href=format!("/groups/{slug}")>{view.whose.clone()}</a> }.into_any()
        }
        None => view! { <span>{view.whose.clone()}</span> }.into_any(),
    };
    let watching = view.watching;
    let links = (view.can_moderate || view.can_answer || view.can_host).then(|| view! {
        <ul class="actions">
            {view.can_moderate.then(|| view! { <li><a class="button" href=format!("/qa/{id}/moderate")>"Moderation queue"</a></li> })}
            {view.can_answer.then(|| view! { <li><a class="button" href=format!("/qa/{id}/answer")>"Answer questions"</a></li> })}
            {(view.can_host && view.phase != Phase::Closed).then(|| view! {
                <li><ActionForm action=close>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button button-secondary">"Close the session now"</button>
                </ActionForm></li>
            })}
        </ul>
    });
    let closed = view.phase == Phase::Closed;
    let upcoming = matches!(view.phase, Phase::Upcoming | Phase::Asking);
    view! {
        {running.then(|| view! { <noscript><meta http-equiv="refresh" content="20" /></noscript> })}
        {view.json_ld.clone().map(|json| view! { <StructuredData json /> })}
        <header class="qa-header">
            <p class="muted">{view.kind.label()} " · " {whose} " · " <strong>{view.phase.label()}</strong></p>
            <h1>{view.title.clone()}</h1>
            <p>"With " {with}</p>
            <p>{view.when.clone()}</p>
            {(!view.description.is_empty()).then(|| view! { <p class="qa-description">{view.description.clone()}</p> })}
            {running.then(|| view! { <p class="muted" aria-live="polite">{move || watching_text(live.watching.get().unwrap_or(watching))}</p> })}
            {upcoming.then(|| view! { <p><a href=format!("/qa/{id}/calendar.ics")>"Add to my calendar"</a></p> })}
        </header>
        {links}
        {if closed {
            view! { <Record view=view.clone() /> }.into_any()
        } else {
            view! { <Running view=view.clone() live ask actions /> }.into_any()
        }}
        <footer class="imprint muted"><p>{view.imprint.clone()}</p></footer>
    }
}

/// The session while it runs: asking, one's own questions, the two lists, the answers.
#[component]
fn Running(
    view: SessionView,
    live: Live,
    ask: ServerAction<AskQuestion>,
    actions: Actions,
) -> impl IntoView {
    let id = view.id;
    let asking = view.cannot_ask.is_none();
    let question_of = {
        let known: Vec<(i32, String)> = view
            .top
            .iter()
            .chain(view.picks.iter())
            .map(|q| (q.id, q.body.clone()))
            .collect();
        move |question: i32| {
            known
                .iter()
                .find(|(id, _)| *id == question)
                .map(|(_, body)| body.clone())
        }
    };
    let shown: Vec<i32> = view
        .answered
        .iter()
        .flat_map(|q| q.answers.iter().map(|a| a.id))
        .collect();
    let signed_in = view.signed_in;
    let card = move |q| view! { <QuestionCard id q live actions asking signed_in /> };
    let top_empty = view.top.is_empty();
    let picks_empty = view.picks.is_empty();
    view! {
        {match view.cannot_ask.clone() {
            None => view! { <AskForm id topics=view.topics.clone() ask /> }.into_any(),
            Some(why) => view! { <p class="notice">{why}</p> }.into_any(),
        }}
        {(!view.mine.is_empty()).then(|| view! {
            <section id="mine" aria-labelledby="mine-heading">
                <h2 id="mine-heading">"Your questions"</h2>
                <ul class="card-list">{view.mine.clone().into_iter().map(card).collect_view()}</ul>
            </section>
        })}
        <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">"Answers"</h2>
            <ul class="card-list" aria-live="polite">
                {move || live.answers.get().into_iter().filter(|a| !shown.contains(&a.id)).map(|a| view! {
                    <li class="card qa-answer-new">
                        {question_of(a.question_id).map(|body| view! { <p class="qa-question">{body}</p> })}
                        <blockquote id=format!("answer-{}", a.id)><p class="muted">{a.by.clone()}</p><p>{a.body.clone()}</p></blockquote>
                    </li>
                }).collect_view()}
                {view.answered.clone().into_iter().map(card).collect_view()}
            </ul>
            {(view.answered.is_empty()).then(|| view! { <p class="empty">{move || live.answers.get().is_empty().then_some("No answers yet: they appear here as they are given.")}</p> })}
        </section>
        <div class="qa-lists">
            <section aria-labelledby="top-heading">
                <h2 id="top-heading">"Most votes"</h2>
                {(view.topic_cap > 0).then(|| view! { <p class="muted">{format!("No topic takes more than {} of the top places.", view.topic_cap)}</p> })}
                {top_empty.then(|| view! { <p class="empty">"No questions approved yet."</p> })}
                <ol class="card-list">{view.top.clone().into_iter().map(card).collect_view()}</ol>
            </section>
            <section aria-labelledby="picks-heading">
                <h2 id="picks-heading">"Moderators' picks"</h2>
                {picks_empty.then(|| view! { <p class="empty">"None picked yet."</p> })}
                <ul class="card-list">{view.picks.clone().into_iter().map(card).collect_view()}</ul>
            </section>
        </div>
    }
}
