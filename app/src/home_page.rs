//! The front page: what MembersNet is and where to start.

use crate::ui::page_title::PageTitle;
use crate::{
    auth::session::use_session,
    events::{
        api::{list_events, DEFAULT_WITHIN_MILES},
        components::{event_card::EventCardView, near_me::NearMeButton},
    },
    people::model::ActivityItem,
    places::model::PLACE_NAMES_CREDIT,
    suggest::{api::get_for_you, model::ForYouView, pages::SuggestionList},
    ui::{escape::query_value, form::FilterInput, notice::QueryNotice},
};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

/// How many nearby events the front page shows before "See all".
const NEARBY_ON_HOME: usize = 6;

#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    view! {
        <PageTitle text="MembersNet · Organise where you live" />
        <Meta name="description" content="Find campaign events near you, join local groups and organise with friends." />
        <div class="container">
            <QueryNotice key="signed_out" text="You have signed out." />
            <QueryNotice key="deleted" text="Your account and everything about you has been deleted." />
        </div>
        <section class="hero">
            <div class="container">
                <p class="eyebrow">"Members and supporters, organising together"</p>
                <h1>"Change starts on your street"</h1>
                <p class="lede">
                    "Find a campaign event near you and sign up in seconds. See where your friends are going, start a group, and make your area heard."
                </p>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match session.person.await.ok().flatten() {
                            Some(person) => view! {
                                <p class="hero-greeting">"Good to see you, " {person.name} "."</p>
                                <div class="hero-actions">
                                    <a class="button button-large" href="/events">"Find an event"</a>
                                    <a class="button button-large button-ghost" href="/profile">"Your profile"</a>
                                </div>
                            }.into_any(),
                            None => view! {
                                <div class="hero-actions">
                                    <a class="button button-large" href="/events">"Find an event"</a>
                                    <a class="button button-large button-ghost" href="/sign-up">"Join MembersNet"</a>
                                </div>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
        <NearbyEvents />
        <ForYou />
        <section class="container features" aria-label="What you can do">
            <Feature title="Events near you" text="Canvassing, phone banks, meetings and socials: search by postcode or town and sign up without an account." />
            <Feature title="Friends going" text="See which events your friends are going to, only if they choose to share it." />
            <Feature title="Groups with forums" text="Start a campaigning group for your issue or your area and talk it through." />
        </section>
    }
}

/// A postcode or town box (and "near me") with the nearest events under it: the search
/// posts back to the front page, so it works without JavaScript.
#[component]
fn NearbyEvents() -> impl IntoView {
    let query = use_query_map();
    let near = move || query.read().get("near").filter(|n| !n.trim().is_empty());
    let events = Resource::new(near, |near| async move {
        match near {
            Some(near) => list_events(None, None, Some(near), None, None, None, None)
                .await
                .map(Some),
            None => Ok(None),
        }
    });
    view! {
        <section class="container nearby" aria-labelledby="nearby-heading">
            <h2 id="nearby-heading">"Events near you"</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let result = events.await;
                    let error = result.as_ref().err().and_then(|e| e.message_for("near"));
                    let typed = near().unwrap_or_default();
                    let results = match result {
                        Ok(Some(list)) if list.events.is_empty() => view! {
                            <p class="empty">
                                {format!("No upcoming events within {DEFAULT_WITHIN_MILES} miles of {typed}. ")}
                                <a href="/events/new">"Host one yourself"</a>"."
                            </p>
                        }.into_any(),
                        Ok(Some(list)) => {
                            let all = format!("/events?near={}", query_value(&typed));
                            view! {
                                <div class="event-grid">
                                    {list.events.into_iter().take(NEARBY_ON_HOME).map(|card| view! { <EventCardView card /> }).collect_view()}
                                </div>
                                <p><a class="button button-ghost" href=all>"See all events near " {typed.clone()}</a></p>
                            }.into_any()
                        }
                        Ok(None) => ().into_any(),
                        Err(err) if error.is_none() => view! {
                            <p class="notice notice-error" role="alert">{err.to_string()}</p>
                        }.into_any(),
                        Err(_) => ().into_any(),
                    };
                    view! {
                        <form class="nearby-search" method="get" action="/" role="search" aria-label="Events near you">
                            <FilterInput label="Your postcode or town" name="near" kind="text" value=typed.clone() error=error />
                            <button type="submit" class="button">"Find events"</button>
                            <NearMeButton to="/" />
                        </form>
                        <p class="field-hint">{PLACE_NAMES_CREDIT}</p>
                        {results}
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Feature(title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <article class="feature card">
            <h2>{title}</h2>
            <p>{text}</p>
        </article>
    }
}

/// For signed-in people: three suggested events and what their friends are going to.
#[component]
fn ForYou() -> impl IntoView {
    let for_you = Resource::new(|| (), |_| get_for_you());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(ForYouView { suggestions: suggested, activity: feed }) = for_you.await else {
                    return ().into_any();
                };
                view! {
                    <section class="container for-you" aria-labelledby="for-you-heading">
                        <div class="page-head">
                            <h2 id="for-you-heading">"Suggested for you"</h2>
                            <a href="/events/suggested">"More suggestions"</a>
                        </div>
                        <SuggestionList view=suggested />
                        <FriendsActivity feed />
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn FriendsActivity(feed: Vec<ActivityItem>) -> impl IntoView {
    (!feed.is_empty()).then(|| {
        view! {
            <h2>"Your friends are going"</h2>
            <ul class="plain-list activity">
                {feed
                    .into_iter()
                    .map(|item| view! {
                        <li>
                            {format!("{} signed up to ", item.friend_name)}
                            <a href=item.event_path>{item.event_title}</a>
                            {format!(" · {}", item.when)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    })
}
