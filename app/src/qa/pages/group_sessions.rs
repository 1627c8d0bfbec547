use crate::qa::api::list_group_sessions;
use leptos::prelude::*;

/// A group's Q&As on its page: those not yet over first, then the last few records.
#[component]
pub fn GroupSessions(group_id: i32) -> impl IntoView {
    let sessions = Resource::new(move || group_id, list_group_sessions);
    view! {
        <h2>"Q&As"</h2>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match sessions.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">"No Q&As yet."</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="card-list">
                            {list.into_iter().map(|s| view! {
                                <li class="card">
                                    <h3><a href=format!("/qa/{}", s.id)>{s.title}</a></h3>
                                    <p class="muted">{format!("{} · {} · with {} · {}", s.kind.label(), s.phase.label(), s.with, s.when)}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
