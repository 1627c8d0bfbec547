use crate::{
    error::AppError,
    events::{
        api::my_events,
        model::{MyEventView, SignUpStatus},
    },
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The signed-in person's sign-ups: upcoming, then past.
#[component]
pub fn MyEventsPage() -> impl IntoView {
    let events = Resource::new(|| (), |_| my_events());
    view! {
        <Title text="My events · MembersNet" />
        <section class="container">
            <h1>"My events"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.is_empty() => view! {
                            <p class="empty">"You have not signed up to anything yet. " <a href="/events">"Find an event"</a></p>
                        }.into_any(),
                        Ok(list) => view! { <MyEventList list /> }.into_any(),
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
fn MyEventList(list: Vec<MyEventView>) -> impl IntoView {
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
                    view! {
                        <li class="card">
                            <a href=event.path>{event.title}</a>
                            <span class="muted">" · " {event.when} " · " {status}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
