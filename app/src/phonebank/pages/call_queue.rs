use crate::phonebank::model::QueueState;
use leptos::prelude::*;

/// Where the queue stands, and so why it is empty when it is.
#[component]
pub fn QueueList(queue: QueueState) -> impl IntoView {
    let parts = [
        (queue.ready, "ready to call now"),
        (queue.leased, "being called now"),
        (queue.cooling_down, "cooling down before another try"),
        (
            queue.waiting_for_call_back,
            "waiting for the time they asked to be called back",
        ),
        (queue.finished, "finished"),
        (
            queue.excluded,
            "taken out (wrong number or asked not to be called)",
        ),
    ];
    view! {
        <ul class="queue">
            {parts.into_iter().map(|(n, text)| view! { <li>{format!("{n} {text}")}</li> }).collect_view()}
        </ul>
    }
}
