use crate::{
    qa::{
        api::list_sessions,
        model::{SessionList, SessionSummary},
    },
    ui::page_title::PageTitle,
};
use leptos::prelude::*;

/// Every session: live now, upcoming (taking questions), and past records.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_sessions());
    view! {
        <PageTitle text="Ask the politicians · MembersNet" />
        <section class="container">
            <h1>"Ask the politicians"</h1>
            <p class="lede">"Live webchats and forum Q&As: ask a question, vote for the ones you want answered, and read every answer."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <Lists list /> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Lists(list: SessionList) -> impl IntoView {
    let hosting = list.can_host_for.into_iter().map(|(id, name)| {
        view! { <li><a class="button" href=format!("/qa/new?group={id}")>{format!("Schedule a Q&A for {name}")}</a></li> }
    }).collect_view();
    let national = list.national.then(|| {
        view! {
            <li><a class="button" href="/qa/new">"Schedule a national Q&A"</a></li>
            <li><a href="/staff/politicians">"Politicians and their staffers"</a></li>
        }
    });
    view! {
        <ul class="actions">{hosting}{national}</ul>
        <Group heading="Live now" sessions=list.live empty="Nothing live right now." />
        <Group heading="Coming up" sessions=list.upcoming empty="No Q&As scheduled yet." />
        <Group heading="Past records" sessions=list.past empty="No records yet." />
    }
}

#[component]
fn Group(
    heading: &'static str,
    sessions: Vec<SessionSummary>,
    empty: &'static str,
) -> impl IntoView {
    let none = sessions.is_empty();
    view! {
        <h2>{heading}</h2>
        {none.then(|| view! { <p class="empty">{empty}</p> })}
        <ul class="card-list">
            {sessions.into_iter().map(|s| view! {
                <li class="card">
                    <h3><a href=format!("/qa/{}", s.id)>{s.title}</a></h3>
                    <p class="muted">{format!("{} · {} · {}", s.kind.label(), s.whose, s.phase.label())}</p>
                    <p>{format!("With {} · {}", s.with, s.when)}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
