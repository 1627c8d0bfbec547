use crate::ui::escape::query_value;
use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    groups::{
        api::list_groups,
        components::{done_notice::DoneNotice, group_card::GroupCardView},
        model::{GroupDirectoryView, TOPICS},
    },
    places::model::PLACE_NAMES_CREDIT,
    ui::form::FilterInput,
};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

/// The group directory: search by name, topic and distance (a plain GET form), and the
/// viewer's own groups.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let query = use_query_map();
    let params = move || {
        let q = query.read();
        (
            q.get("q"),
            q.get("topic"),
            q.get("near"),
            q.get("page").and_then(|p| p.parse::<u32>().ok()),
        )
    };
    let groups = Resource::new(params, |(q, topic, near, page)| {
        list_groups(q, topic, near, page)
    });
    view! {
        <PageTitle text="Groups · MembersNet" />
        <Meta name="description" content="Campaigning groups near you, each with its own forum." />
        <section class="container">
            <div class="page-head">
                <h1>"Groups"</h1>
                <a class="button" href="/groups/new">"Start a group"</a>
            </div>
            <DoneNotice />
            <Suspense fallback=|| view! { <p>"Loading groups…"</p> }>
                {move || Suspend::new(async move {
                    let result = groups.await;
                    let near_error = result.as_ref().err().and_then(|e| e.message_for("near"));
                    view! {
                        <GroupFilters near_error=near_error.clone() />
                        {near_error.is_none().then(|| view! { <GroupResults result /> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn GroupFilters(near_error: Option<String>) -> impl IntoView {
    let query = use_query_map();
    let current = move |key: &str| query.read().get(key).unwrap_or_default();
    view! {
        <form class="filters" method="get" action="/groups" role="search" aria-label="Find groups">
            <FilterInput label="Name" name="q" kind="search" value=current("q") error=None />
            <div class="field">
                <label for="filter-topic">"Topic"</label>
                <select id="filter-topic" name="topic">
                    <option value="">"Any topic"</option>
                    {TOPICS
                        .iter()
                        .map(|(value, label)| {
                            let is_current = current("topic") == *value;
                            view! { <option value=*value selected=is_current>{*label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <FilterInput label="Near (postcode or town)" name="near" kind="text" value=current("near") error=near_error />
            <button type="submit" class="button">"Search"</button>
            <p class="field-hint filters-credit">{PLACE_NAMES_CREDIT}</p>
        </form>
    }
}

#[component]
fn GroupResults(result: Result<GroupDirectoryView, AppError>) -> impl IntoView {
    let query = use_query_map();
    let page_link = move |page: u32| {
        let q = query.read();
        let mut parts: Vec<String> = ["q", "topic", "near"]
            .into_iter()
            .filter_map(|key| q.get(key).map(|v| format!("{key}={}", query_value(&v))))
            .collect();
        parts.push(format!("page={page}"));
        format!("/groups?{}", parts.join("&"))
    };
    let list = match result {
        Ok(list) => list,
        Err(err) => {
            return view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }
                .into_any()
        }
    };
    let next = list.has_more.then(|| list.page + 1);
    let yours = (!list.yours.is_empty()).then(|| {
        view! {
            <section aria-labelledby="your-groups">
                <h2 id="your-groups">"Your groups"</h2>
                <div class="event-grid">
                    {list.yours.into_iter().map(|card| view! { <GroupCardView card /> }).collect_view()}
                </div>
            </section>
        }
    });
    let results = if list.groups.is_empty() {
        view! {
            <p class="empty">
                "No groups match. Try other words or a wider search, or "
                <a href="/groups/new">"start one yourself"</a>
                "."
            </p>
        }
        .into_any()
    } else {
        view! {
            <div class="event-grid">
                {list.groups.into_iter().map(|card| view! { <GroupCardView card /> }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        {yours}
        <section aria-labelledby="all-groups">
            <h2 id="all-groups">"Find a group"</h2>
            {results}
            {next.map(|page| view! {
                <p><a class="button button-ghost" href=page_link(page)>"More groups"</a></p>
            })}
        </section>
    }
    .into_any()
}
