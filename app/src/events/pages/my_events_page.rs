use crate::ui::page_title::PageTitle;
use crate::ui::{form::FormError, notice::QueryNotice};
use crate::{
    error::AppError,
    events::{
        api::{get_calendar_feed, my_events, my_hosted_events, CancelMySignup, RenewCalendarFeed},
        model::{HostedEventView, MyEventView, SignUpStatus},
    },
};
use leptos::{form::ActionForm, prelude::*};

/// The signed-in person's sign-ups, upcoming then past, and the events they run.
#[component]
pub fn MyEventsPage() -> impl IntoView {
    let cancel = ServerAction::<CancelMySignup>::new();
    let error = Signal::derive(move || cancel.value().get().and_then(Result::err));
    let events = Resource::new(move || cancel.version().get(), |_| my_events());
    let hosting = Resource::new(|| (), |_| my_hosted_events());
    view! {
        <PageTitle text="My events · MembersNet" />
        <section class="container">
            <h1>"My events"</h1>
            // One element around the notices: two empty dynamic siblings before a
            // Suspense did not hydrate.
            <div class="notices">
                <QueryNotice key="cancelled" text="Your place is cancelled. If someone was waiting, it is theirs now." />
                <FormError error=error />
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    hosting.await.ok().filter(|list| !list.is_empty()).map(|list| view! { <HostedEventList list /> })
                })}
            </Suspense>
            <h2>"Your places"</h2>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">"You have not signed up to anything yet. " <a href="/events">"Find an event"</a></p>
                        }.into_any(),
                        Ok(list) => view! { <MyEventList list cancel /> <CalendarFeed /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to see your events."</p>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn MyEventList(list: Vec<MyEventView>, cancel: ServerAction<CancelMySignup>) -> impl IntoView {
    view! {
        <ul class="my-events">
            {list
                .into_iter()
                .map(|event| {
                    let status = match (event.upcoming, event.status) {
                        (false, _) => "Past",
                        (true, SignUpStatus::Waitlisted) => "Waitlist",
                        _ => "Going",
                    };
                    let cancel_label = format!("Cancel my place at {}", event.title);
                    view! {
                        <li class="card">
                            <a href=event.path>{event.title}</a>
                            <span class="muted">" · " {event.when} " · " {status}</span>
                            {event.upcoming.then(|| view! {
                                <ActionForm action=cancel attr:class="inline-form">
                                    <input type="hidden" name="signup_id" value=event.signup_id />
                                    <button type="submit" class="button button-small button-ghost" aria-label=cancel_label>"Cancel"</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The events the person hosts or co-hosts, each with its dashboard.
#[component]
fn HostedEventList(list: Vec<HostedEventView>) -> impl IntoView {
    view! {
        <h2>"Events you run"</h2>
        <ul class="my-events">
            {list
                .into_iter()
                .map(|event| {
                    let dashboard = format!("/events/{}/dashboard", event.id);
                    let dashboard_label = format!("Dashboard for {}", event.title);
                    let mut facts = vec![event.when, event.role];
                    facts.extend(event.state);
                    if !event.upcoming {
                        facts.push("Past".to_string());
                    }
                    view! {
                        <li class="card">
                            <a href=event.path>{event.title}</a>
                            <span class="muted">" · " {facts.join(" · ")}</span>
                            <a class="button button-small button-ghost" href=dashboard aria-label=dashboard_label>"Dashboard"</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The address a calendar app subscribes to, so these events show in it and stay current.
#[component]
fn CalendarFeed() -> impl IntoView {
    let renew = ServerAction::<RenewCalendarFeed>::new();
    let feed = Resource::new(move || renew.version().get(), |_| get_calendar_feed());
    view! {
        <section class="card calendar-feed" aria-labelledby="feed-heading">
            <h2 id="feed-heading">"In your calendar"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    feed.await.ok().map(|url| view! {
                        <div class="field">
                            <label for="feed-url">"Calendar feed address"</label>
                            <p class="field-hint" id="feed-url-hint">"Add it to Google Calendar, Apple Calendar or Outlook as a calendar from a link (subscribe by URL). Keep it private: anyone with it can see your events."</p>
                            <input id="feed-url" type="text" readonly value=url aria-describedby="feed-url-hint" />
                        </div>
                    })
                })}
            </Suspense>
            <ActionForm action=renew>
                <button type="submit" class="button button-ghost button-small">"Get a new address"</button>
            </ActionForm>
        </section>
    }
}
