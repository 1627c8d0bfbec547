use crate::events::model::EventCard;
use leptos::prelude::*;

/// "3 places left", "Full: join the waitlist" or nothing for no limit.
pub fn places_text(places_left: Option<i32>) -> Option<String> {
    places_left.map(|n| match n {
        0 => "Full: join the waitlist".to_string(),
        1 => "1 place left".to_string(),
        n => format!("{n} places left"),
    })
}

/// An event in a list: title (the link), kind, when, where, host, places left, and why it
/// is suggested when it is.
#[component]
pub fn EventCardView(card: EventCard, #[prop(optional)] reason: Option<String>) -> impl IntoView {
    view! {
        <article class="card event-card">
            <p class="event-kind">{card.kind.label()}</p>
            <h2>
                <a href=card.path>{card.title}</a>
            </h2>
            <p class="event-when">{card.when}</p>
            <p class="event-place">
                {card.place}
                {card.distance.map(|d| view! { " · " <span class="event-distance">{d}</span> })}
            </p>
            <p class="muted">"Hosted by " {card.host_name}</p>
            {card.friends_going.map(|text| view! { <p class="friends-going">{text}</p> })}
            {places_text(card.places_left).map(|text| view! { <p class="event-places">{text}</p> })}
            {reason.map(|text| view! { <p class="suggestion-reason">{text}</p> })}
        </article>
    }
}
