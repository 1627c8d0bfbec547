//! The front page: what MembersNet is and where to start.

use crate::ui::page_title::PageTitle;
use crate::{
    auth::session::use_session,
    events::api::get_friends_activity,
    people::model::ActivityItem,
    suggest::{api::get_suggestions, pages::SuggestionList},
    ui::notice::QueryNotice,
};
use leptos::prelude::*;
use leptos_meta::Meta;

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
        <ForYou />
        <section class="container features" aria-label="What you can do">
            <Feature title="Events near you" text="Canvassing, phone banks, meetings and socials: search by postcode and sign up without an account." />
            <Feature title="Friends going" text="See which events your friends are going to, only if they choose to share it." />
            <Feature title="Groups with forums" text="Start a campaigning group for your issue or your area and talk it through." />
            <Feature title="Phone bank from home" text="Call supporters from your browser with a script, whenever you have an hour." />
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
    let suggestions = Resource::new(|| (), |_| get_suggestions(Some(3)));
    let activity = Resource::new(|| (), |_| get_friends_activity());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (Ok(suggested), Ok(feed)) = (suggestions.await, activity.await) else {
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
