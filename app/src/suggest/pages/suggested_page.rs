use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    events::components::event_card::EventCardView,
    suggest::{api::get_suggestions, model::SuggestionsView},
};
use leptos::prelude::*;

/// Events suggested for the signed-in person, with why.
#[component]
pub fn SuggestedPage() -> impl IntoView {
    let suggestions = Resource::new(|| (), |_| get_suggestions(Some(20)));
    view! {
        <PageTitle text="Suggested for you · MembersNet" />
        <section class="container">
            <div class="page-head">
                <h1>"Suggested for you"</h1>
                <a class="button button-ghost" href="/events">"All events"</a>
            </div>
            <Suspense fallback=|| view! { <p>"Loading suggestions…"</p> }>
                {move || Suspend::new(async move {
                    match suggestions.await {
                        Ok(view) => view! { <SuggestionList view /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="empty">
                                <a href="/sign-in">"Sign in"</a>
                                " to see events picked for you from where your friends are going and where you live."
                            </p>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Suggested events with their reasons, and how to get better ones.
#[component]
pub fn SuggestionList(view: SuggestionsView) -> impl IntoView {
    let hints = view! {
        {(!view.has_friends).then(|| view! {
            <p class="muted">
                "These are popular events near you. "
                <a href="/friends">"Add friends"</a>
                " to see where they are going and get suggestions from that."
            </p>
        })}
        {(!view.has_postcode).then(|| view! {
            <p class="muted"><a href="/profile">"Add your postcode"</a>" to see events near you."</p>
        })}
    };
    let list = if view.items.is_empty() {
        view! { <p class="empty">"No upcoming events to suggest yet. " <a href="/events">"Browse all events"</a>"."</p> }.into_any()
    } else {
        view! {
            <div class="event-grid">
                {view.items.into_iter().map(|item| view! {
                    <EventCardView card=item.card reason=item.reason />
                }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! { {hints} {list} }.into_any()
}
