use crate::{
    error::AppError,
    privacy::{api::access_log, model::AccessLogPage as LogPage},
    ui::{escape::query_value, form::FilterInput, page_title::PageTitle},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Staff only: who viewed whose details, newest first, filtered by either address.
#[component]
pub fn AccessLogPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &'static str| query.read().get(key).filter(|v| !v.trim().is_empty());
    let filters = move || {
        let before: Option<i32> = get("before").and_then(|b| b.parse().ok());
        (get("viewer"), get("whose"), before)
    };
    let page = Resource::new(filters, |(viewer, whose, before)| {
        access_log(viewer, whose, None, before)
    });
    view! {
        <PageTitle text="Access log · MembersNet" />
        <section class="container">
            <h1>"Access log"</h1>
            <p class="lede">"Every time staff, hosts and organisers viewed other people's details: attendee lists and their downloads, the Creators' audiences and previews, the outbox and groups' member lists."</p>
            <form method="get" action="/staff/access-log" class="filters">
                <FilterInput label="Viewer's email" name="viewer" kind="email" value=get("viewer").unwrap_or_default() error=None />
                <FilterInput label="Whose details (email)" name="whose" kind="email" value=get("whose").unwrap_or_default() error=None />
                <button type="submit" class="button">"Filter"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => view! { <LogTable page /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff to see the access log."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn LogTable(page: LogPage) -> impl IntoView {
    if page.lines.is_empty() {
        return view! { <p class="empty">"Nobody has viewed anyone's details yet, or none match these filters."</p> }.into_any();
    }
    let query = use_query_map();
    let older = page.older.map(|before| {
        let keep = |key: &'static str| {
            query
                .read_untracked()
                .get(key)
                .map(|v| format!("&{key}={}", query_value(&v)))
                .unwrap_or_default()
        };
        format!(
            "/staff/access-log?before={before}{}{}",
            keep("viewer"),
            keep("whose")
        )
    });
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption class="visually-hidden">"Views of people's details, newest first"</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Who looked"</th><th scope="col">"As"</th><th scope="col">"What"</th><th scope="col">"Whose details"</th></tr></thead>
                <tbody>
                    {page.lines.into_iter().map(|line| view! {
                        <tr><td>{line.when}</td><td>{line.viewer}</td><td>{line.role}</td><td>{line.what}</td><td>{line.whose}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {older.map(|href| view! { <p><a href=href>"Older entries"</a></p> })}
    }
    .into_any()
}
