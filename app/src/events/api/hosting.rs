//! Server functions for an event's hosts: the dashboard, check-in, walk-ins, co-hosts,
//! editing, cancelling and emailing attendees. Each asks the service, which refuses
//! anyone but the event's hosts and staff.

// A server function's arguments are its form's fields; an event form has many.
#![allow(clippy::too_many_arguments)]

use crate::{
    error::AppError,
    events::model::{DashboardView, EventForm},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    events::{
        model::event_path,
        service::{attendees, edits, hosts, messages, walk_ins},
    },
    rate_limit::Limit,
};

/// Back to the dashboard with a note of what happened, so it shows without JavaScript too.
#[cfg(feature = "ssr")]
fn back_to_dashboard(event_id: i32, done: &str) {
    redirect_to(&format!("/events/{event_id}/dashboard?done={done}"));
}

/// The host's dashboard: everyone signed up. Hosts and staff only.
#[server(endpoint = "events/dashboard")]
pub async fn get_dashboard(id: i32) -> Result<DashboardView, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        attendees::get_dashboard(&ctx.db, id, viewer).await
    })
    .await
}

/// Marks an attendee as there ("yes") or not ("no"); without `arrived`, the opposite of
/// now. Saying which makes a tap sent twice (a queued offline tap) take effect once.
/// Hosts and staff only.
#[server(endpoint = "events/check-in")]
pub async fn check_in(signup_id: i32, arrived: Option<String>) -> Result<bool, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let arrived = arrived.map(|a| a == "yes");
        attendees::set_check_in(&ctx.db, signup_id, viewer, arrived).await
    })
    .await
}

/// Adds someone who turned up without signing up, checked in.
#[server(endpoint = "events/walk-in")]
pub async fn add_walk_in(
    event_id: i32,
    slot_id: i32,
    name: String,
    email: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        walk_ins::add_walk_in(&ctx.db, event_id, viewer, slot_id, &name, &email).await?;
        back_to_dashboard(event_id, "walk-in");
        Ok(())
    })
    .await
}

/// Asks someone, by the email of their account, to co-host; they co-host once they accept.
#[server(endpoint = "events/cohosts/add")]
pub async fn add_cohost(event_id: i32, cohost_email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        ctx.limit(Limit::InvitesPerAccount, &viewer.id.to_string())?;
        let site = &ctx.state.settings.public_url;
        hosts::add_cohost(&ctx.db, event_id, viewer, &cohost_email, site).await?;
        back_to_dashboard(event_id, "cohost-added");
        Ok(())
    })
    .await
}

/// The signed-in person agrees to co-host an event they were asked to.
#[server(endpoint = "events/cohosts/accept")]
pub async fn accept_cohost(event_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        hosts::accept_cohost(&ctx.db, event_id, viewer).await?;
        back_to_dashboard(event_id, "cohost-accepted");
        Ok(())
    })
    .await
}

/// Removes a co-host (or lets a co-host step down).
#[server(endpoint = "events/cohosts/remove")]
pub async fn remove_cohost(event_id: i32, person_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        hosts::remove_cohost(&ctx.db, event_id, viewer, person_id).await?;
        back_to_dashboard(event_id, "cohost-removed");
        Ok(())
    })
    .await
}

/// The event's form filled in: to edit it, or (`copy`) to start a new event from it.
#[server(endpoint = "events/form")]
pub async fn get_event_form(id: i32, copy: bool) -> Result<EventForm, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        edits::event_form(&ctx.db, id, viewer, copy).await
    })
    .await
}

/// Saves a host's changes, then opens the event's page.
#[server(endpoint = "events/update")]
pub async fn update_event(
    id: i32,
    title: String,
    description: String,
    kind: String,
    date: Option<String>,
    start_time: Option<String>,
    end_time: Option<String>,
    venue: String,
    postcode: String,
    online_url: String,
    capacity: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let form = EventForm {
            title,
            description,
            kind,
            date: date.unwrap_or_default(),
            start_time: start_time.unwrap_or_default(),
            end_time: end_time.unwrap_or_default(),
            venue,
            postcode,
            online_url,
            capacity,
            ..Default::default()
        };
        let saved = edits::update_event(
            &ctx.db,
            id,
            viewer,
            &form,
            chrono::Utc::now(),
            &ctx.state.settings.public_url,
        )
        .await?;
        redirect_to(&event_path(saved.id, &saved.slug));
        Ok(())
    })
    .await
}

/// Cancels the event and emails everyone signed up. Returns how many were told.
#[server(endpoint = "events/cancel-event")]
pub async fn cancel_event(id: i32, reason: String) -> Result<usize, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let told =
            edits::cancel_event(&ctx.db, id, viewer, &reason, &ctx.state.settings.public_url)
                .await?;
        back_to_dashboard(id, &format!("cancelled-{told}"));
        Ok(told)
    })
    .await
}

/// Emails everyone with a place (and the waitlist, if ticked). Returns how many.
#[server(endpoint = "events/email-attendees")]
pub async fn email_attendees(
    id: i32,
    subject: String,
    body: String,
    include_waitlist: Option<String>,
) -> Result<usize, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        // Keyed by the sender too, so a stranger's refused calls spend only their own.
        ctx.limit(Limit::HostMessagesPerEvent, &format!("{}:{id}", viewer.id))?;
        ctx.limit(Limit::HostMessagesPerAccount, &viewer.id.to_string())?;
        let sent = messages::email_attendees(
            &ctx.db,
            id,
            viewer,
            &subject,
            &body,
            include_waitlist.is_some(),
            &ctx.state.settings.public_url,
        )
        .await?;
        back_to_dashboard(id, &format!("emailed-{sent}"));
        Ok(sent)
    })
    .await
}
