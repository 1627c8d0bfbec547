use crate::events::{api::list_events, components::event_card::EventCardView, model::EventKind};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// Upcoming events, with filters that work as a plain GET form.
#[component]
pub fn EventListPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        (
            q.get("kind"),
            q.get("q"),
            q.get("page").and_then(|p| p.parse::<u32>().ok()),
        )
    };
    let events = Resource::new(params, |(kind, q, page)| list_events(kind, q, page));
    view! {
        <Title text="Events · MembersNet" />
        <Meta name="description" content="Campaign events near you: canvassing, phone banks, meetings and socials." />
        <section class="container">
            <div class="page-head">
                <h1>"Events"</h1>
                <a class="button" href="/events/new">"Create an event"</a>
            </div>
            <EventFilters />
            <Suspense fallback=|| view! { <p>"Loading events…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Ok(list) if list.events.is_empty() => view! {
                            <p class="empty">"No upcoming events match. Try fewer words, another kind, or " <a href="/events/new">"host one yourself"</a> "."</p>
                        }.into_any(),
                        Ok(list) => {
                            let next = list.has_more.then(|| list.page + 1);
                            view! {
                                <div class="event-grid">
                                    {list.events.into_iter().map(|card| view! { <EventCardView card /> }).collect_view()}
                                </div>
                                {next.map(|page| view! { <p><a class="button button-ghost" href=format!("/events?page={page}")>"More events"</a></p> })}
                            }.into_any()
                        }
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn EventFilters() -> impl IntoView {
    let query = use_query_map();
    let current_kind = move || query.read().get("kind").unwrap_or_default();
    let current_text = move || query.read().get("q").unwrap_or_default();
    view! {
        <form class="filters" method="get" action="/events" role="search" aria-label="Find events">
            <div class="field">
                <label for="filter-q">"Words"</label>
                <input id="filter-q" type="search" name="q" value=current_text />
            </div>
            <div class="field">
                <label for="filter-kind">"Kind"</label>
                <select id="filter-kind" name="kind">
                    <option value="">"Any kind"</option>
                    {EventKind::ALL
                        .into_iter()
                        .map(|kind| view! { <option value=kind.as_str() selected=move || current_kind() == kind.as_str()>{kind.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Search"</button>
        </form>
    }
}
