use crate::events::{api::list_group_events, components::event_card::EventCardView};
use leptos::prelude::*;

/// A group's upcoming events, on its page, or a line saying there are none yet.
#[component]
pub fn GroupEvents(group_id: i32) -> impl IntoView {
    let events = Resource::new(move || group_id, list_group_events);
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match events.await {
                    Ok(cards) if cards.is_empty() => view! { <p class="empty">"No upcoming events yet."</p> }.into_any(),
                    Ok(cards) => view! { <div class="event-grid">{cards.into_iter().map(|card| view! { <EventCardView card /> }).collect_view()}</div> }.into_any(),
                    Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
