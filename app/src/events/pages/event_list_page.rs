use crate::ui::escape::query_value;
use crate::ui::form::FilterInput;
use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    events::{
        api::{list_events, DEFAULT_WITHIN_MILES},
        components::{event_card::EventCardView, near_me::NearMeButton},
        model::{EventKind, EventListView},
    },
    places::model::PLACE_NAMES_CREDIT,
};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

/// Upcoming events, with filters (near a postcode, kind, words) that work as a plain GET form.
#[component]
pub fn EventListPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        let number = |key: &str| q.get(key).and_then(|v| v.parse::<u32>().ok());
        (
            (q.get("kind"), q.get("q"), q.get("near"), number("within")),
            (q.get("from"), q.get("until"), number("page")),
        )
    };
    let events = Resource::new(params, |((kind, q, near, within), (from, until, page))| {
        list_events(kind, q, near, within, from, until, page)
    });
    view! {
        <PageTitle text="Events · MembersNet" />
        <Meta name="description" content="Campaign events near you: canvassing, phone banks, meetings and socials." />
        <section class="container">
            <div class="page-head">
                <h1>"Events"</h1>
                <a class="button" href="/events/new">"Create an event"</a>
            </div>
            <Suspense fallback=|| view! { <p>"Loading events…"</p> }>
                {move || Suspend::new(async move {
                    let result = events.await;
                    let field_error = result.as_ref().err().filter(|e| {
                        FILTER_FIELDS.iter().any(|field| e.message_for(field).is_some())
                    }).cloned();
                    view! {
                        <EventFilters error=field_error.clone() />
                        {field_error.is_none().then(|| view! { <EventResults result /> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The filters that can be wrong, each shown beside its own field.
const FILTER_FIELDS: [&str; 3] = ["near", "from", "until"];

#[component]
fn EventResults(result: Result<EventListView, AppError>) -> impl IntoView {
    let query = use_query_map();
    let next_page_link = move |page: u32| {
        let q = query.read();
        let mut parts: Vec<String> = ["kind", "q", "near", "within", "from", "until"]
            .into_iter()
            .filter_map(|key| q.get(key).map(|v| format!("{key}={}", query_value(&v))))
            .collect();
        parts.push(format!("page={page}"));
        format!("/events?{}", parts.join("&"))
    };
    match result {
        Ok(list) if list.events.is_empty() => view! {
            <p class="empty">
                "No upcoming events match. Try a wider distance, fewer words, or "
                <a href="/events/new">"host one yourself"</a>
                "."
            </p>
        }
        .into_any(),
        Ok(list) => {
            let next = list.has_more.then(|| list.page + 1);
            view! {
                <div class="event-grid">
                    {list.events.into_iter().map(|card| view! { <EventCardView card /> }).collect_view()}
                </div>
                {next.map(|page| view! {
                    <p>
                        <a class="button button-ghost" href=next_page_link(page)>"More events"</a>
                    </p>
                })}
            }
            .into_any()
        }
        Err(err) => {
            view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any()
        }
    }
}

#[component]
fn EventFilters(error: Option<AppError>) -> impl IntoView {
    let query = use_query_map();
    let current = move |key: &str| query.read().get(key).unwrap_or_default();
    let current_within = move || {
        query
            .read()
            .get("within")
            .unwrap_or_else(|| DEFAULT_WITHIN_MILES.to_string())
    };
    let message = move |field: &str| error.as_ref().and_then(|e| e.message_for(field));
    // Folded on small screens so results show on the first screen, unless one is in use.
    let more_filters_open = ["within", "kind", "from", "until", "q"]
        .into_iter()
        .any(|key| !current(key).is_empty());
    view! {
        <form class="filters" method="get" action="/events" role="search" aria-label="Find events">
            <FilterInput label="Near (postcode or town)" name="near" kind="text" value=current("near") error=message("near") />
            <details class="more-filters" open=more_filters_open>
            <summary>"More filters"</summary>
            <div class="field">
                <label for="filter-within">"Within"</label>
                <select id="filter-within" name="within">
                    {[1u32, 3, 5, 10, 25, 50]
                        .into_iter()
                        .map(|miles| {
                            let value = miles.to_string();
                            let is_current = value == current_within();
                            view! { <option value=value selected=is_current>{format!("{miles} miles")}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">"Kind"</label>
                <select id="filter-kind" name="kind">
                    <option value="">"Any kind"</option>
                    {EventKind::ALL
                        .into_iter()
                        .map(|kind| {
                            let is_current = current("kind") == kind.as_str();
                            view! { <option value=kind.as_str() selected=is_current>{kind.label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <FilterInput label="From" name="from" kind="date" value=current("from") error=message("from") />
            <FilterInput label="Until" name="until" kind="date" value=current("until") error=message("until") />
            <FilterInput label="Words" name="q" kind="search" value=current("q") error=None />
            </details>
            <button type="submit" class="button">"Search"</button>
            <NearMeButton />
            <p class="field-hint filters-credit">{PLACE_NAMES_CREDIT}</p>
        </form>
    }
}
