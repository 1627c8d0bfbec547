use super::{id_param, votes_text};
use crate::{
    error::AppError,
    qa::{
        api::{
            moderation_queue, AddModerator, HideAnswer, ModerateQuestion, ResolveReport,
            SetTopicCap,
        },
        model::{DeclineReason, ModerationView, QuestionView, ReportView},
    },
    ui::{
        form::{FormError, SubmitButton, TextField},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// The moderation queue: each waiting question with its decisions, the approved ones
/// (pick, hide), and reports. Every decision is a real button in tab order, so the queue
/// is worked from the keyboard; the first decision of the first question takes focus.
#[component]
pub fn ModeratePage() -> impl IntoView {
    let id = id_param();
    let decide = ServerAction::<ModerateQuestion>::new();
    let hide = ServerAction::<HideAnswer>::new();
    let resolve = ServerAction::<ResolveReport>::new();
    let moderator = ServerAction::<AddModerator>::new();
    let cap = ServerAction::<SetTopicCap>::new();
    let tick = RwSignal::new(0usize);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|n| *n += 1),
        std::time::Duration::from_secs(5),
    ) {
        on_cleanup(move || handle.clear());
    }
    let queue = Resource::new(
        move || {
            (
                id(),
                decide.version().get()
                    + hide.version().get()
                    + resolve.version().get()
                    + moderator.version().get()
                    + cap.version().get()
                    + tick.get(),
            )
        },
        |(id, _)| moderation_queue(id),
    );
    let error = Signal::derive(move || {
        decide
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| hide.value().get().and_then(Result::err))
            .or_else(|| moderator.value().get().and_then(Result::err))
            .or_else(|| cap.value().get().and_then(Result::err))
    });
    view! {
        <PageTitle text="Moderation · MembersNet" />
        <noscript><meta http-equiv="refresh" content="30" /></noscript>
        <section class="container qa">
            <FormError error=error />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(view) => view! { <Queue view decide hide resolve moderator cap error /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as a moderator."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Queue(
    view: ModerationView,
    decide: ServerAction<ModerateQuestion>,
    hide: ServerAction<HideAnswer>,
    resolve: ServerAction<ResolveReport>,
    moderator: ServerAction<AddModerator>,
    cap: ServerAction<SetTopicCap>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = view.id;
    let targets: Vec<(i32, String)> = view
        .approved
        .iter()
        .map(|q| (q.id, short(&q.body)))
        .collect();
    let empty = view.pending.is_empty();
    view! {
        <h1>{format!("Moderating: {}", view.title)}</h1>
        <p><a href=format!("/qa/{id}")>"Back to the session"</a></p>
        <h2>{format!("Waiting ({})", view.pending.len())}</h2>
        {empty.then(|| view! { <p class="empty">"Nothing waiting. New questions appear here by themselves."</p> })}
        <ol class="card-list">
            {view.pending.into_iter().enumerate().map(|(i, q)| view! { <Pending id q targets=targets.clone() decide first=i == 0 /> }).collect_view()}
        </ol>
        <h2>{format!("Approved ({})", view.approved.len())}</h2>
        <ul class="card-list">
            {view.approved.into_iter().map(|q| view! { <Approved id q decide /> }).collect_view()}
        </ul>
        <h2>{format!("Reports ({})", view.reports.len())}</h2>
        {view.reports.is_empty().then(|| view! { <p class="empty">"No reports."</p> })}
        <ul class="card-list">
            {view.reports.into_iter().map(|r| view! { <Report id r decide hide resolve /> }).collect_view()}
        </ul>
        <h2>"Moderators"</h2>
        <p>{if view.moderators.is_empty() { "None named yet.".to_string() } else { view.moderators.join(", ") }}</p>
        {view.can_host.then(|| view! {
            <ActionForm action=moderator>
                <input type="hidden" name="id" value=id />
                <TextField label="Add a moderator by email address" name="email" kind="email" error=error required=true />
                <SubmitButton label="Add moderator" pending=moderator.pending() />
            </ActionForm>
            <ActionForm action=cap>
                <input type="hidden" name="id" value=id />
                <TextField label="Most top places one topic may take (0: no cap)" name="topic_cap" kind="number" value=view.topic_cap.to_string() error=error />
                <SubmitButton label="Set the cap" pending=cap.pending() />
            </ActionForm>
        })}
    }
}

fn short(body: &str) -> String {
    let cut: String = body.chars().take(80).collect();
    if cut.len() < body.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A hidden-field form with one submit button.
#[component]
fn Decide(
    id: i32,
    question: i32,
    decision: &'static str,
    label: &'static str,
    decide: ServerAction<ModerateQuestion>,
    #[prop(default = false)] focus: bool,
) -> impl IntoView {
    view! {
        <ActionForm action=decide>
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="question_id" value=question />
            <input type="hidden" name="decision" value=decision />
            <button type="submit" class="button" autofocus=focus>{label}</button>
        </ActionForm>
    }
}

#[component]
fn Pending(
    id: i32,
    q: QuestionView,
    targets: Vec<(i32, String)>,
    decide: ServerAction<ModerateQuestion>,
    first: bool,
) -> impl IntoView {
    let question = q.id;
    let has_targets = !targets.is_empty();
    view! {
        <li class="card" id=format!("q-{question}")>
            <p class="qa-question">{q.body.clone()}</p>
            <p class="muted">{format!("{}{} · {}", q.topic.clone().map(|t| format!("{t} · ")).unwrap_or_default(), q.asker, q.asked_at)}</p>
            <div class="actions">
                <Decide id question decision="approve" label="Approve" decide focus=first />
                <details>
                    <summary>"Edit"</summary>
                    <ActionForm action=decide>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="question_id" value=question />
                        <input type="hidden" name="decision" value="edit" />
                        <label for=format!("edit-{question}")>"The question, edited"</label>
                        <textarea id=format!("edit-{question}") name="body">{q.body.clone()}</textarea>
                        <button type="submit" class="button">"Save the edit"</button>
                    </ActionForm>
                </details>
                {has_targets.then(|| view! {
                    <ActionForm action=decide>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="question_id" value=question />
                        <input type="hidden" name="decision" value="merge" />
                        <label for=format!("into-{question}")>"Merge into"</label>
                        <select id=format!("into-{question}") name="into">
                            {targets.into_iter().map(|(t, body)| view! { <option value=t>{body}</option> }).collect_view()}
                        </select>
                        <button type="submit" class="button button-secondary">"Merge"</button>
                    </ActionForm>
                })}
                <ActionForm action=decide>
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="question_id" value=question />
                    <input type="hidden" name="decision" value="decline" />
                    <label for=format!("reason-{question}")>"Decline because"</label>
                    <select id=format!("reason-{question}") name="reason">
                        {DeclineReason::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{r.label()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button button-secondary">"Decline"</button>
                </ActionForm>
            </div>
        </li>
    }
}

#[component]
fn Approved(id: i32, q: QuestionView, decide: ServerAction<ModerateQuestion>) -> impl IntoView {
    let question = q.id;
    view! {
        <li class="card" id=format!("q-{question}")>
            <p class="qa-question">{q.body.clone()}</p>
            <p class="muted">{format!("{} · {}{}{}", q.asker, votes_text(q.votes), if q.pick { " · picked" } else { "" }, if q.hidden { " · hidden" } else { "" })}</p>
            <div class="actions">
                {if q.pick {
                    view! { <Decide id question decision="unpick" label="Unpick" decide /> }.into_any()
                } else {
                    view! { <Decide id question decision="pick" label="Pick" decide /> }.into_any()
                }}
                {if q.hidden {
                    view! { <Decide id question decision="show" label="Show again" decide /> }.into_any()
                } else {
                    view! { <Decide id question decision="hide" label="Hide" decide /> }.into_any()
                }}
            </div>
        </li>
    }
}

#[component]
fn Report(
    id: i32,
    r: ReportView,
    decide: ServerAction<ModerateQuestion>,
    hide: ServerAction<HideAnswer>,
    resolve: ServerAction<ResolveReport>,
) -> impl IntoView {
    let toggle = if r.hidden {
        ("show", "Show again")
    } else {
        ("hide", "Hide it")
    };
    view! {
        <li class="card">
            <p class="muted">{format!("{} reported: {}", r.what, r.reason)}</p>
            <p>{r.text.clone()}</p>
            <div class="actions">
                {r.question_id.map(|question| view! { <Decide id question decision=toggle.0 label=toggle.1 decide /> })}
                {r.answer_id.map(|answer| view! {
                    <ActionForm action=hide>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="answer_id" value=answer />
                        <input type="hidden" name="decision" value=toggle.0 />
                        <button type="submit" class="button">{toggle.1}</button>
                    </ActionForm>
                })}
                <ActionForm action=resolve>
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="report_id" value=r.id />
                    <button type="submit" class="button button-secondary">"Dealt with"</button>
                </ActionForm>
            </div>
        </li>
    }
}
