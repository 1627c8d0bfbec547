//! Event server functions.

// A server function's arguments are its form's fields; an event form has many.
#![allow(clippy::too_many_arguments)]

mod hosting;
mod staff;

pub use hosting::*;
pub use staff::*;

use crate::{
    error::AppError,
    events::model::{
        CancelLinkView, EventCard, EventDetail, EventListView, HostedEventView, MyEventView,
        SignUpStatus,
    },
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    events::{
        model::{event_path, EventForm, EventKind},
        service::{
            approvals, calendar, cancellations, catalogue, event_form::NewEvent, friends_going,
            group_events, my_events, new_event, referrals, signups,
        },
    },
    groups::service::access::require_group_host,
    places::service::lookup::locate_place,
    rate_limit::Limit,
};

/// The search radius when none is chosen.
pub const DEFAULT_WITHIN_MILES: u32 = 10;

/// Upcoming events, filtered by kind, words, dates ("2026-12-01", inclusive) and distance
/// from a postcode (or its first half, like "M1", or a position from "near me"), one page
/// at a time.
#[server(endpoint = "events/list")]
pub async fn list_events(
    kind: Option<String>,
    q: Option<String>,
    near: Option<String>,
    within: Option<u32>,
    from: Option<String>,
    until: Option<String>,
    page: Option<u32>,
) -> Result<EventListView, AppError> {
    serve(|ctx| async move {
        let near = match near.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(place) => Some(locate_place(&ctx.db, "near", place).await?),
            None => None,
        };
        let filter = catalogue::EventFilter {
            kind: kind.as_deref().and_then(EventKind::parse),
            text: crate::validate::search_text("q", q.as_deref())?,
            near,
            within_miles: f64::from(within.unwrap_or(DEFAULT_WITHIN_MILES).clamp(1, 200)),
            from: catalogue::day_start("from", from.as_deref(), 0)?,
            until: catalogue::day_start("until", until.as_deref(), 1)?,
        };
        let mut list = catalogue::list_upcoming_events(&ctx.db, &filter, page.unwrap_or(1)).await?;
        if let Some(viewer) = ctx.maybe_person() {
            let ids: Vec<i32> = list.events.iter().map(|c| c.id).collect();
            let mut going =
                friends_going::friends_going_to_events(&ctx.db, viewer.id, &ids).await?;
            for card in &mut list.events {
                card.friends_going = going.remove(&card.id).map(|g| g.text());
            }
        }
        Ok(list)
    })
    .await
}

/// One event's page, as the person asking sees it.
#[server(endpoint = "events/get")]
pub async fn get_event(id: i32) -> Result<EventDetail, AppError> {
    serve(|ctx| async move {
        let mut detail = catalogue::get_event_detail(
            &ctx.db,
            id,
            ctx.maybe_person(),
            &ctx.state.settings.public_url,
        )
        .await?;
        if let Some(viewer) = ctx.maybe_person() {
            detail.friends_going =
                friends_going::friends_going_to_events(&ctx.db, viewer.id, &[id])
                    .await?
                    .remove(&id);
        }
        Ok(detail)
    })
    .await
}

/// Creates an event hosted by the signed-in person, then opens its page. With several
/// dates or shifts it gets one sign-up list per date and shift.
#[server(endpoint = "events/create")]
pub async fn create_event(
    title: String,
    description: String,
    kind: String,
    date: String,
    start_time: String,
    end_time: String,
    venue: String,
    postcode: String,
    online_url: String,
    capacity: String,
    repeat_weeks: Option<String>,
    other_dates: Option<String>,
    shifts: Option<String>,
    group_id: Option<i32>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let form = EventForm {
            title,
            description,
            kind,
            date,
            start_time,
            end_time,
            venue,
            postcode,
            online_url,
            capacity,
            repeat_weeks: repeat_weeks.unwrap_or_default(),
            other_dates: other_dates.unwrap_or_default(),
            shifts: shifts.unwrap_or_default(),
        };
        let host = ctx.person()?;
        let event = NewEvent::parse(&form, chrono::Utc::now())?;
        // An event for a group is checked against the group's organisers first.
        if let Some(group_id) = group_id {
            require_group_host(&ctx.db, group_id, host).await?;
        }
        let publication = approvals::publication_for(&ctx.db, host).await?;
        let saved = new_event::create_event(&ctx.db, host.id, event, publication, group_id).await?;
        redirect_to(&event_path(saved.id, &saved.slug));
        Ok(())
    })
    .await
}

/// Signs up to one slot of an event: a guest with their details, or the signed-in person
/// with one click (their account's name and email).
#[server(endpoint = "events/sign-up")]
pub async fn sign_up_for_event(
    slot_id: i32,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    postcode: Option<String>,
    consent_email: Option<String>,
    consent_sms: Option<String>,
    consent_calls: Option<String>,
    referrer: Option<i32>,
) -> Result<SignUpStatus, AppError> {
    serve(|ctx| async move {
        let me = ctx.maybe_person();
        let or_mine = |given: Option<String>, mine: Option<&str>| {
            given
                .filter(|v| !v.trim().is_empty())
                .or(mine.map(str::to_string))
                .unwrap_or_default()
        };
        let mut details = signups::SignUpDetails::parse(
            &or_mine(name, me.map(|p| p.name.as_str())),
            &or_mine(email, me.map(|p| p.email.as_str())),
            &or_mine(phone, me.and_then(|p| p.mobile.as_deref())),
            &or_mine(postcode, me.and_then(|p| p.postcode.as_deref())),
            consent_email.is_some(),
            consent_sms.is_some(),
        )?;
        let mine = me.filter(|p| p.email == details.email.as_str());
        details.person_id = mine.map(|p| p.id);
        details.email_confirmed = mine.is_some_and(|p| p.email_confirmed);
        // A number the account confirmed by a texted code needs no YES reply.
        details.phone_confirmed = mine.is_some_and(|p| {
            p.mobile.is_some() && p.mobile.as_deref() == details.phone.as_ref().map(|m| m.as_str())
        });
        // Calls only from the proven owner of the address and the number (see
        // `consent_boxes`); the form offers the box to no one else.
        details.consent_calls =
            consent_calls.is_some() && details.owner().is_some() && details.phone_confirmed;
        ctx.limit_address(Limit::SignUpsPerAddress)?;
        // Each sign-up emails the address: only its confirmed owner may send many.
        if details.owner().is_none() {
            ctx.limit(Limit::SignUpsPerEmail, details.email.as_str())?;
        }
        details.referrer_id =
            referrals::credit_for(&ctx.db, referrer, details.email.as_str()).await?;
        let outcome =
            signups::sign_up(&ctx.db, slot_id, &details, &ctx.state.settings.public_url).await?;
        redirect_to(&format!(
            "/events/{}/signed-up?status={}",
            outcome.event_id,
            outcome.status.as_str()
        ));
        Ok(outcome.status)
    })
    .await
}

/// Cancels a sign-up from the emailed link; no account needed.
#[server(endpoint = "events/cancel")]
pub async fn cancel_signup(token: String) -> Result<String, AppError> {
    serve(|ctx| async move {
        let title =
            cancellations::cancel_signup_by_token(&ctx.db, &token, &ctx.state.settings.public_url)
                .await?;
        redirect_to(&format!("/events/cancel/{token}?done=1"));
        Ok(title)
    })
    .await
}

/// What an emailed cancel link is for; anyone holding the link may ask.
#[server(endpoint = "events/cancel-link")]
pub async fn get_cancel_link(token: String) -> Result<CancelLinkView, AppError> {
    serve(|ctx| async move { cancellations::cancel_link_state(&ctx.db, &token).await }).await
}

/// Cancels one of the signed-in person's own places, from "My events".
#[server(endpoint = "events/cancel-mine")]
pub async fn cancel_my_signup(signup_id: i32) -> Result<String, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let title = cancellations::cancel_own_signup(
            &ctx.db,
            person.id,
            signup_id,
            &ctx.state.settings.public_url,
        )
        .await?;
        redirect_to("/my-events?cancelled=1");
        Ok(title)
    })
    .await
}

/// The signed-in person's events: upcoming, then past.
#[server(endpoint = "events/mine")]
pub async fn my_events() -> Result<Vec<MyEventView>, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        my_events::list_events_for_person(&ctx.db, person.id).await
    })
    .await
}

/// The events the signed-in person hosts or co-hosts, for "My events".
#[server(endpoint = "events/hosting")]
pub async fn my_hosted_events() -> Result<Vec<HostedEventView>, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        my_events::list_hosted_events(&ctx.db, person.id).await
    })
    .await
}

/// The signed-in person's calendar feed address, made the first time it is asked for.
#[server(endpoint = "events/calendar-feed")]
pub async fn get_calendar_feed() -> Result<String, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        calendar::feed_url(&ctx.db, person.id, false, &ctx.state.settings.public_url).await
    })
    .await
}

/// Replaces the calendar feed address, so the old one stops working.
#[server(endpoint = "events/calendar-feed/renew")]
pub async fn renew_calendar_feed() -> Result<String, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let url =
            calendar::feed_url(&ctx.db, person.id, true, &ctx.state.settings.public_url).await?;
        redirect_to("/my-events?renewed=1");
        Ok(url)
    })
    .await
}

/// The group's upcoming published events, for its page (which groups put together above
/// both domains).
#[server(endpoint = "events/of-group")]
pub async fn list_group_events(group_id: i32) -> Result<Vec<EventCard>, AppError> {
    serve(|ctx| async move {
        group_events::list_upcoming_events_of_group(&ctx.db, group_id, 10).await
    })
    .await
}

/// How many people the signed-in person has brought to events through their share links.
#[server(endpoint = "events/brought")]
pub async fn brought_count() -> Result<u64, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        referrals::brought_count(&ctx.db, person.id).await
    })
    .await
}
