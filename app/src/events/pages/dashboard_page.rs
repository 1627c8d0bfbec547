use super::{
    check_in_queue,
    dashboard_tools::{done_notice, HostActions, HostTools},
};
use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    events::{
        api::{get_dashboard, CheckIn},
        model::{AttendeeView, DashboardView, EventStatus, SignUpStatus},
    },
    ui::form::FormError,
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The host's dashboard: who is coming, who is waiting, check-in, and the CSV.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let params = use_params_map();
    let check_in = ServerAction::<CheckIn>::new();
    let error = Signal::derive(move || check_in.value().get().and_then(Result::err));
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let tools = HostActions::new();
    // Counts offline taps sent later, so the list reloads after them.
    let sent_waiting = RwSignal::new(0usize);
    let dashboard = Resource::new(
        move || {
            (
                id(),
                check_in.version().get() + tools.version() + sent_waiting.get(),
            )
        },
        |(id, _)| get_dashboard(id),
    );
    let query = use_query_map();
    let done = move || query.read().get("done").and_then(|d| done_notice(&d));
    // Taps saved offline go when the page opens online and whenever the network is back;
    // each is forgotten once the server has answered it (a refusal is final too).
    let flush = move || {
        leptos::task::spawn_local(async move {
            for tap in check_in_queue::waiting() {
                let arrived = Some(if tap.arrived { "yes" } else { "no" }.to_string());
                let answered = crate::events::api::check_in(tap.signup_id, arrived).await;
                if answered.is_err() && check_in_queue::is_offline() {
                    return;
                }
                check_in_queue::forget(tap);
                sent_waiting.try_update(|n| *n += 1);
            }
        })
    };
    Effect::new(move |_| {
        if !check_in_queue::is_offline() {
            flush();
        }
        check_in_queue::when_back_online(flush);
    });
    view! {
        <PageTitle text="Event dashboard · MembersNet" />
        <section class="container">
            <div class="notices">
                {move || done().map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })}
                <FormError error=error />
            </div>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Ok(view) => view! { <Dashboard view check_in tools /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as the host."</p>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Dashboard(
    view: DashboardView,
    check_in: ServerAction<CheckIn>,
    tools: HostActions,
) -> impl IntoView {
    let confirmed = view
        .attendees
        .iter()
        .filter(|a| a.status == SignUpStatus::Confirmed)
        .count();
    let waiting = view.attendees.len() - confirmed;
    let arrived = view.attendees.iter().filter(|a| a.checked_in).count();
    let view_for_tools = view.clone();
    // The sign-ups whose taps wait offline (see `check_in_queue`), read once for the list.
    let queued = RwSignal::new(Vec::<i32>::new());
    Effect::new(move |_| {
        queued.set(
            check_in_queue::waiting()
                .iter()
                .map(|t| t.signup_id)
                .collect(),
        )
    });
    let shifts = view.slots.len() > 1;
    // The roster's filter: one date or shift (?slot=), or everyone.
    let query = use_query_map();
    let chosen = query
        .read_untracked()
        .get("slot")
        .and_then(|s| s.parse::<i32>().ok());
    let roster = shifts.then(|| view! { <Roster view=view.clone() chosen /> });
    let attendees: Vec<AttendeeView> = view
        .attendees
        .into_iter()
        .filter(|a| chosen.is_none_or(|slot| a.slot_id == slot))
        .collect();
    view! {
        <div class="page-head">
            <h1>{view.title.clone()}</h1>
            <a class="button" href=format!("/events/{}/attendees.csv", view.event_id) download="">"Download attendees (CSV)"</a>
        </div>
        <p class="lede">
            {format!("{confirmed} going · {waiting} waiting · {arrived} checked in")}
            " · " <a href=view.path.clone()>"Event page"</a>
        </p>
        {(view.status == EventStatus::Cancelled).then(|| view! {
            <p class="notice notice-error" role="status">"This event is cancelled. Everyone signed up was emailed."</p>
        })}
        {roster}
        {if attendees.is_empty() {
            let text = if chosen.is_some() {
                "Nobody is on this date or shift yet."
            } else {
                "Nobody has signed up yet. Share the event page to spread the word."
            };
            view! { <p class="empty">{text}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="attendees">
                        <caption class="visually-hidden">"People signed up"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                {shifts.then(|| view! { <th scope="col">"Date or shift"</th> })}
                                <th scope="col">"Email"</th><th scope="col">"Mobile"</th><th scope="col">"Place"</th><th scope="col">"Arrived"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {attendees.into_iter().map(|a| view! { <AttendeeRow attendee=a check_in shifts queued /> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <HostTools view=view_for_tools actions=tools />
    }
}

/// Who is on which date or shift: counts per slot, and a filter for the list below.
#[component]
fn Roster(view: DashboardView, chosen: Option<i32>) -> impl IntoView {
    let count = |slot: i32, status: SignUpStatus| {
        view.attendees
            .iter()
            .filter(|a| a.slot_id == slot && a.status == status)
            .count()
    };
    let rows = view
        .slots
        .iter()
        .map(|slot| {
            let going = count(slot.id, SignUpStatus::Confirmed);
            let waiting = count(slot.id, SignUpStatus::Waitlisted);
            let left = slot
                .places_left
                .map_or("No limit".to_string(), |n| n.to_string());
            let only = format!("/events/{}/dashboard?slot={}", view.event_id, slot.id);
            view! {
                <tr>
                    <th scope="row"><a href=only>{slot.describe()}</a></th>
                    <td>{going}</td>
                    <td>{waiting}</td>
                    <td>{left}</td>
                </tr>
            }
        })
        .collect_view();
    let options = view
        .slots
        .iter()
        .map(|slot| {
            view! { <option value=slot.id selected=chosen == Some(slot.id)>{slot.describe()}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="roster-heading">
            <h2 id="roster-heading">"Roster"</h2>
            <div class="table-scroll">
                <table class="attendees roster">
                    <thead>
                        <tr><th scope="col">"Date or shift"</th><th scope="col">"Going"</th><th scope="col">"Waiting"</th><th scope="col">"Places left"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <form method="get" class="inline-form roster-filter" aria-label="Show one date or shift">
                <div class="field">
                    <label for="roster-slot">"Show"</label>
                    <select id="roster-slot" name="slot">
                        <option value="" selected=chosen.is_none()>"Everyone"</option>
                        {options}
                    </select>
                </div>
                <button type="submit" class="button button-small">"Show"</button>
            </form>
        </section>
    }
}

#[component]
fn AttendeeRow(
    attendee: AttendeeView,
    check_in: ServerAction<CheckIn>,
    shifts: bool,
    queued: RwSignal<Vec<i32>>,
) -> impl IntoView {
    let place = match attendee.status {
        SignUpStatus::Confirmed => "Going",
        _ => "Waitlist",
    };
    let label = if attendee.checked_in {
        format!("Undo check-in for {}", attendee.name)
    } else {
        format!("Check in {}", attendee.name)
    };
    let text = if attendee.checked_in {
        "Checked in ✓"
    } else {
        "Check in"
    };
    let signup_id = attendee.signup_id;
    let wanted = !attendee.checked_in;
    // Offline, the tap waits in the browser and the row says so.
    let is_queued = move || queued.with(|ids| ids.contains(&signup_id));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tap = check_in_queue::Tap {
            signup_id,
            arrived: wanted,
        };
        if check_in_queue::is_offline() {
            check_in_queue::queue(tap);
            queued.update(|ids| ids.push(signup_id));
        } else {
            check_in.dispatch(CheckIn {
                signup_id,
                arrived: Some(if wanted { "yes" } else { "no" }.to_string()),
            });
        }
    };
    view! {
        <tr>
            <th scope="row">{attendee.name.clone()}</th>
            {shifts.then(|| view! { <td>{attendee.slot}</td> })}
            <td>{attendee.email}</td>
            <td>{attendee.phone.unwrap_or_default()}</td>
            <td>{place}</td>
            <td>
                {(attendee.status == SignUpStatus::Confirmed).then(|| view! {
                    <form method="post" action=CheckIn::url() class="inline-form" on:submit=on_submit>
                        <input type="hidden" name="signup_id" value=signup_id />
                        <input type="hidden" name="arrived" value=if wanted { "yes" } else { "no" } />
                        <button type="submit" class="button button-small" class:button-ghost=!attendee.checked_in aria-label=label>{text}</button>
                    </form>
                    <Show when=is_queued>
                        <span class="muted small" role="status">" Offline: saved, sent when you are back online"</span>
                    </Show>
                })}
            </td>
        </tr>
    }
}
