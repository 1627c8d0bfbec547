use crate::events::api::brought_count;
use leptos::prelude::*;

/// "You have brought 3 people to events", from the person's share links.
#[component]
pub fn BroughtCount() -> impl IntoView {
    let count = Resource::new(|| (), |_| brought_count());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                count.await.ok().map(|n| {
                    let text = match n {
                        0 => "Nobody has signed up through your share links yet. Each event page has your link.".to_string(),
                        1 => "You have brought 1 person to events through your share links.".to_string(),
                        n => format!("You have brought {n} people to events through your share links."),
                    };
                    view! { <p class="brought" data-count=n>{text}</p> }
                })
            })}
        </Suspense>
    }
}
