use crate::events::{api::get_event, model::SignUpStatus};
use crate::ui::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The confirmation after signing up: confirmed or waitlisted.
#[component]
pub fn SignedUpPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let status = move || {
        query
            .read()
            .get("status")
            .as_deref()
            .and_then(SignUpStatus::parse)
            .unwrap_or(SignUpStatus::Confirmed)
    };
    let event = Resource::new(id, get_event);
    view! {
        <PageTitle text="You're signed up · MembersNet" />
        <section class="card narrow">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let detail = event.await.ok();
                    let title = detail.as_ref().map(|d| d.card.title.clone()).unwrap_or_default();
                    let path = detail.map(|d| d.card.path).unwrap_or_else(|| "/events".into());
                    let (heading, text) = match status() {
                        SignUpStatus::Waitlisted => ("You're on the waitlist", "The event is full. If a place comes up it is yours, and we will email you."),
                        _ => ("You're going!", "We have emailed you the details, with a link to cancel if your plans change."),
                    };
                    view! {
                        <h1>{heading}</h1>
                        <p class="lede">{title}</p>
                        <p role="status">{text}</p>
                        <p>
                            <a class="button" href=path>"Back to the event"</a>
                            " "
                            <a href="/events">"Find more events"</a>
                        </p>
                    }
                })}
            </Suspense>
        </section>
    }
}
