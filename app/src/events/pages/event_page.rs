use crate::people::model::FriendsGoing;
use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    events::{
        api::{get_event, AcceptCohost},
        components::{event_card::places_text, share_link::ShareLink, sign_up_form::SignUpForm},
        model::{event_id_from_path_segment, EventDetail, EventStatus, SignUpStatus},
    },
    ui::{
        form::{FormError, SubmitButton},
        not_found_page::NotFoundPage,
        structured_data::StructuredData,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::{Link, Meta};
use leptos_router::hooks::{use_params_map, use_query_map};

/// One event: details, where, host, places left and the sign-up form.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("event")
            .as_deref()
            .and_then(event_id_from_path_segment)
    };
    let event = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_event(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(detail) => view! { <EventDetailView detail /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EventDetailView(detail: EventDetail) -> impl IntoView {
    let card = detail.card.clone();
    let summary: String = detail.description.chars().take(160).collect();
    let places = places_text(card.places_left);
    view! {
        <PageTitle text=format!("{} · MembersNet", card.title) />
        <Meta name="description" content=summary.clone() />
        <Meta property="og:title" content=card.title.clone() />
        <Meta property="og:description" content=summary />
        <Meta property="og:type" content="website" />
        <StructuredData json=detail.structured_data.clone() />
        // oEmbed discovery: pasting this page's address into a blog editor shows its widget.
        <Link rel="alternate" type_="application/json+oembed" href=format!("/oembed?url={}", crate::ui::escape::query_value(&card.path)) />
        <article class="container event-page">
            <p class="event-kind">{card.kind.label()}</p>
            <h1>{card.title.clone()}</h1>
            <StatusNotice status=detail.status />
            <dl class="event-facts">
                <dt>"When"</dt>
                <dd>{detail.slots.iter().map(|s| s.when.clone()).collect::<Vec<_>>().join("; ")}</dd>
                <dt>"Where"</dt>
                <dd>
                    {card.place.clone()}
                    {detail.map_url.clone().map(|url| view! { " · " <a href=url rel="noopener" target="_blank">"Map"</a> })}
                </dd>
                <dt>"Host"</dt>
                <dd>{card.host_name.clone()}</dd>
                {places.map(|text| view! { <dt>"Places"</dt> <dd>{text}</dd> })}
            </dl>
            <p>
                <a href=format!("/events/{}/calendar.ics", card.id) download="">"Add to calendar"</a>
            </p>
            {detail.is_host.then(|| view! {
                <p class="actions">
                    <a class="button button-ghost" href=format!("/events/{}/dashboard", card.id)>"Host dashboard"</a>
                    <a class="button button-ghost" href=format!("/events/{}/edit", card.id)>"Edit"</a>
                </p>
            })}
            {detail.cohost_invited.then(|| view! { <CohostInvite event_id=card.id /> })}
            <WhoIsGoing count=detail.going_count friends=detail.friends_going.clone() host=detail.is_host />
            {detail.share_url.clone().map(|url| view! { <ShareLink url title=card.title.clone() /> })}
            <div class="event-description">{detail.description.clone()}</div>
            <MySignUpOrForm detail />
        </article>
    }
}

/// The host asked the viewer to co-host: accepting gives them the host tools.
#[component]
fn CohostInvite(event_id: i32) -> impl IntoView {
    let accept = ServerAction::<AcceptCohost>::new();
    let error = Signal::derive(move || accept.value().get().and_then(Result::err));
    view! {
        <section class="card" aria-labelledby="cohost-invite-heading">
            <h2 id="cohost-invite-heading">"You have been asked to co-host"</h2>
            <p>"Co-hosts see who is coming, check people in and email them."</p>
            <FormError error=error />
            <ActionForm action=accept>
                <input type="hidden" name="event_id" value=event_id />
                <SubmitButton label="Accept" pending=accept.pending() />
            </ActionForm>
        </section>
    }
}

#[component]
fn StatusNotice(status: EventStatus) -> impl IntoView {
    let text = match status {
        EventStatus::Published => return ().into_any(),
        EventStatus::Cancelled => "This event has been cancelled.",
        EventStatus::Pending => {
            "This event is waiting for staff to approve it. Only you and staff can see it until then."
        }
        EventStatus::Rejected => "Staff did not approve this event, so it is not listed.",
    };
    view! { <p class="notice notice-error" role="status">{text}</p> }.into_any()
}

/// How many are going and which of the viewer's friends (only those who share with
/// friends). Hosts see every name on the dashboard.
#[component]
fn WhoIsGoing(count: i32, friends: Option<FriendsGoing>, host: bool) -> impl IntoView {
    let people = match count {
        0 => "Nobody has signed up yet.".to_string(),
        1 => "1 person is going.".to_string(),
        n => format!("{n} people are going."),
    };
    view! {
        <section class="whos-going" aria-labelledby="whos-going-heading">
            <h2 id="whos-going-heading">"Who's going"</h2>
            {friends.map(|f| view! { <p class="friends-going">{f.text()}"."</p> })}
            <p class="muted">{people}</p>
            {host.then_some(view! { <p class="muted">"As a host you see everyone on the dashboard."</p> })}
        </section>
    }
}

#[component]
fn MySignUpOrForm(detail: EventDetail) -> impl IntoView {
    let query = use_query_map();
    let referrer = query
        .read_untracked()
        .get("by")
        .and_then(|by| by.parse::<i32>().ok());
    if detail.status != EventStatus::Published {
        return ().into_any();
    }
    let form = view! { <SignUpForm slots=detail.slots.clone() referrer /> };
    match detail.my_signup {
        Some(mine) => {
            let text = match mine.status {
                SignUpStatus::Confirmed => {
                    "You're going. The confirmation email has a link to cancel."
                }
                _ => "You're on the waitlist. We'll email you if a place comes up.",
            };
            let more_dates = detail.slots.len() > 1;
            let join = detail.online_url.clone().map(|url| {
                view! {
                    <p>
                        <a href=url rel="noopener noreferrer" target="_blank">"Join the event online"</a>
                    </p>
                }
            });
            view! {
                <section class="card sign-up">
                    <p class="notice notice-success" role="status">{text}</p>
                    {join}
                    <p><a href="/my-events">"See all your events"</a></p>
                </section>
                {more_dates.then_some(form)}
            }
            .into_any()
        }
        None => form.into_any(),
    }
}
