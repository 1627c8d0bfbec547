use crate::groups::model::GroupCard;
use leptos::prelude::*;

/// The badge of an official local party group.
#[component]
pub fn VerifiedBadge() -> impl IntoView {
    view! { <span class="badge badge-verified" title="Verified by party staff">"Official local party"</span> }
}

/// A group in a list: name (the link), topic, area, members.
#[component]
pub fn GroupCardView(card: GroupCard) -> impl IntoView {
    let members = match card.member_count {
        1 => "1 member".to_string(),
        n => format!("{n} members"),
    };
    view! {
        <article class="card group-card">
            <p class="event-kind">{card.topic}</p>
            <h2>
                <a href=card.path>{card.name}</a>
            </h2>
            {card.verified.then(|| view! { <VerifiedBadge /> })}
            <p class="muted">
                {card.area} " · " {members}
                {card.distance.map(|d| view! { " · " <span>{d}</span> })}
                {card.approval_needed.then_some(" · Organisers approve new members")}
            </p>
        </article>
    }
}
