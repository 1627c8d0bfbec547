use crate::{
    error::AppError,
    phonebank::{
        api::{phonebank_dashboard, CorrectCall, SetPhonebankStatus},
        model::{CallLine, Dashboard, PhonebankStatus, Question, OUTCOMES},
        pages::{call_form::QuestionField, call_page::count, call_queue::QueueList},
    },
    ui::{
        form::{FormError, SubmitButton},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// The organiser's dashboard. With JavaScript it is read again whenever the server says
/// something changed (a live stream) and every 15 seconds (leases lapse and cool-downs
/// end with nobody saving anything); without, the browser reloads it every 15.
#[component]
pub fn PhonebankDashboardPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let status = ServerAction::<SetPhonebankStatus>::new();
    let correct = ServerAction::<CorrectCall>::new();
    let tick = RwSignal::new(0u32);
    // While a correction is open the dashboard is not read again, which would redraw
    // the table and throw away what the reviewer is typing; saving it closes it.
    let correcting = RwSignal::new(false);
    Effect::new(move |_| {
        correct.version().track();
        correcting.set(false);
    });
    refresh_on_changes(id(), tick, correcting);
    let dashboard = Resource::new(
        move || {
            (
                id(),
                status.version().get() + correct.version().get(),
                tick.get(),
            )
        },
        |(id, _, _)| phonebank_dashboard(id),
    );
    let error = Signal::derive(move || {
        status
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| correct.value().get().and_then(Result::err))
    });
    view! {
        <PageTitle text="Phonebank dashboard · MembersNet" />
        <noscript><meta http-equiv="refresh" content="15" /></noscript>
        <section class="container">
            <FormError error=error />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Ok(view) => view! { <Board view status correct correcting /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as an organiser."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Board(
    view: Dashboard,
    status: ServerAction<SetPhonebankStatus>,
    correct: ServerAction<CorrectCall>,
    correcting: RwSignal<bool>,
) -> impl IntoView {
    let id = view.id;
    let state = match view.status {
        PhonebankStatus::Open => "Open",
        PhonebankStatus::Paused => "Paused",
        PhonebankStatus::Closed => "Closed",
    };
    let switches: Vec<(&'static str, &'static str)> = match view.status {
        PhonebankStatus::Open => vec![
            ("paused", "Pause calling"),
            ("closed", "Close the phonebank"),
        ],
        PhonebankStatus::Paused => vec![
            ("open", "Reopen calling"),
            ("closed", "Close the phonebank"),
        ],
        PhonebankStatus::Closed => vec![],
    };
    view! {
        <div class="page-head">
            <h1>{view.name.clone()}</h1>
            <a class="button" href=format!("/phonebanks/{id}/results.csv") download="">"Download results (CSV)"</a>
        </div>
        <p class="lede" aria-live="polite">{format!("{state} · {} made · {} calling now", count(view.calls, "call"), view.callers_now)}</p>
        {view.join_link.clone().map(|link| view! {
            <p>"Callers' link: " <code>{link}</code></p>
        })}
        <div class="actions">
            {switches.into_iter().map(|(value, label)| view! {
                <ActionForm action=status>
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="status" value=value />
                    <SubmitButton label pending=status.pending() class="button button-secondary" />
                </ActionForm>
            }).collect_view()}
        </div>
        <h2>"Who is left to call"</h2>
        <QueueList queue=view.queue.clone() />
        <h2>"Outcomes"</h2>
        <dl class="tally">
            {view.outcomes.into_iter().map(|(label, n)| view! { <dt>{label}</dt><dd>{n}</dd> }).collect_view()}
        </dl>
        <h2>"Survey"</h2>
        {view.questions.into_iter().map(|q| view! {
            <h3>{q.label}</h3>
            {if q.counts.is_empty() {
                view! { <p>{format!("{} answered", q.answered)}</p> }.into_any()
            } else {
                view! { <dl class="tally">{q.counts.into_iter().map(|(choice, n)| view! { <dt>{choice}</dt><dd>{n}</dd> }).collect_view()}</dl> }.into_any()
            }}
        }).collect_view()}
        <h2>"Recent calls"</h2>
        <RecentCalls calls=view.recent survey=view.survey id correct correcting />
    }
}

#[component]
fn RecentCalls(
    calls: Vec<CallLine>,
    survey: Vec<Question>,
    id: i32,
    correct: ServerAction<CorrectCall>,
    correcting: RwSignal<bool>,
) -> impl IntoView {
    if calls.is_empty() {
        return view! { <p class="empty">"No calls yet."</p> }.into_any();
    }
    // The row last sent, so a refused correction shows its reason in that row only.
    let sent_row = RwSignal::new(None::<i32>);
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption class="visually-hidden">"The latest calls, newest first"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Caller"</th><th scope="col">"Contact"</th><th scope="col">"Outcome"</th><th scope="col">"Answers"</th><th scope="col">"Correct"</th></tr></thead>
                <tbody>
                    {calls.into_iter().map(|c| {
                        let row = c.id;
                        let prefix = format!("correct-{row}-");
                        let error = Signal::derive(move || {
                            (sent_row.get() == Some(row))
                                .then(|| correct.value().get().and_then(Result::err))
                                .flatten()
                        });
                        let questions = survey.iter().cloned().map(|q| {
                            let given = c.given.get(&q.number).cloned().unwrap_or_default();
                            view! { <QuestionField question=q error given id_prefix=prefix.clone() /> }
                        }).collect_view();
                        view! {
                            <tr>
                                <td>{c.when}</td><td>{c.caller}</td><td>{c.contact}</td>
                                <td>{c.outcome.label()}{c.corrected.map(|by| view! { <br /><small>{by}</small> })}</td>
                                <td>{c.answers}</td>
                                <td>
                                    <details class="correct-call" open=move || error.get().is_some() on:toggle=move |ev| correcting.set(is_open(&ev))>
                                        <summary>{format!("Correct call {row}")}</summary>
                                        <ActionForm action=correct on:submit=move |_| sent_row.set(Some(row))>
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="call_id" value=row />
                                            <div class="field">
                                                <label for=format!("{prefix}outcome")>"Outcome"</label>
                                                <select id=format!("{prefix}outcome") name="outcome">
                                                    {OUTCOMES.into_iter().map(|o| view! { <option value=o.as_str() selected=o == c.outcome>{o.label()}</option> }).collect_view()}
                                                </select>
                                            </div>
                                            {questions}
                                            <button type="submit" class="button button-small">"Save correction"</button>
                                        </ActionForm>
                                    </details>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Bumps `tick` whenever the phonebank's live stream says something changed, and every
/// 15 seconds, unless a correction is open (in the browser only).
fn refresh_on_changes(id: i32, tick: RwSignal<u32>, correcting: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        let bump = move || {
            if !correcting.get_untracked() {
                tick.update(|n| *n += 1);
            }
        };
        if let Ok(handle) = set_interval_with_handle(bump, std::time::Duration::from_secs(15)) {
            on_cleanup(move || handle.clear());
        }
        let Ok(source) = web_sys::EventSource::new(&format!("/phonebanks/{id}/live")) else {
            return;
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if event.data().as_string().as_deref() == Some("changed") {
                    bump();
                }
            },
        );
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // Closed when the page goes; a local handle, as the browser's objects stay on its
        // one thread.
        let source = StoredValue::new_local(source);
        on_cleanup(move || source.with_value(|s| s.close()));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, tick, correcting);
}

/// Whether the disclosure a toggle event came from is now open.
fn is_open(ev: &leptos::ev::Event) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.has_attribute("open"))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        false
    }
}
