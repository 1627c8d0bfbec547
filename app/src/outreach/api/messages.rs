//! The Email and Text Creators: a group's (or the national) messages, composing, preview,
//! test sends, sending and its progress. Every call checks the sender first
//! (`service::senders`).
// Server functions take each form field as an argument.
#![allow(clippy::too_many_arguments)]

use crate::{
    error::AppError,
    outreach::model::{MessageView, OutreachHome, PreviewView, SendProgress},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    outreach::{
        model::{AudienceKind, Channel},
        service::{audience, drafts, message_page, senders, sending, templates},
    },
};

/// A group's email and text page (`group_id` None: the national one, staff only).
#[server(endpoint = "outreach/home")]
pub async fn get_outreach_home(group_id: Option<i32>) -> Result<OutreachHome, AppError> {
    serve(|ctx| async move {
        let sender = senders::sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        message_page::outreach_home(&ctx.db, &sender).await
    })
    .await
}

/// Starts a draft email or text ("email" or "sms"), from a template if one is chosen,
/// and opens it.
#[server(endpoint = "outreach/messages/new")]
pub async fn new_message(
    group_id: Option<i32>,
    channel: String,
    template_id: Option<i32>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let sender = senders::sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        let channel = Channel::from_form(&channel)?;
        let id = drafts::new_draft(&ctx.db, &sender, channel, template_id).await?;
        redirect_to(&format!("/messages/{id}"));
        Ok(())
    })
    .await
}

/// A message, for its composer or its send page.
#[server(endpoint = "outreach/messages/get")]
pub async fn get_message(id: i32) -> Result<MessageView, AppError> {
    serve(|ctx| async move {
        let (message, sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        message_page::message_view(&ctx.db, &message, &sender, &ctx.state.settings.public_url).await
    })
    .await
}

/// Saves a draft. Fields come as the form posts them; each bad one is an error beside
/// it and nothing is saved. `send_at` is a London date and time ("2026-11-27T19:00"),
/// empty for "as soon as it is sent".
#[server(endpoint = "outreach/messages/save")]
pub async fn save_message(
    id: i32,
    subject: Option<String>,
    body: String,
    audience: String,
    audience_miles: Option<String>,
    event_id: Option<String>,
    send_at: Option<String>,
    quiet_override: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let (message, sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        let form = drafts::DraftForm {
            subject: subject.unwrap_or_default(),
            body,
            audience,
            audience_miles: audience_miles.unwrap_or_default(),
            event_id: event_id.unwrap_or_default(),
            send_at: send_at.unwrap_or_default(),
            quiet_override: quiet_override.is_some(),
        };
        drafts::save_draft(&ctx.db, &message, &sender, &form).await?;
        redirect_to(&format!("/messages/{id}?done=saved"));
        Ok(())
    })
    .await
}

/// What one recipient would get: `recipient` is an email address in the audience or part
/// of a name (the first one when empty); `subject` and `body`, when given, are the words
/// as typed but not yet saved.
#[server(endpoint = "outreach/messages/preview")]
pub async fn preview_message(
    id: i32,
    recipient: Option<String>,
    subject: Option<String>,
    body: Option<String>,
) -> Result<PreviewView, AppError> {
    serve(|ctx| async move {
        let (message, sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        let site = &ctx.state.settings.public_url;
        let unsaved = drafts::Unsaved { subject, body };
        drafts::preview(
            &ctx.db,
            &message,
            &sender,
            recipient.as_deref(),
            unsaved,
            site,
        )
        .await
    })
    .await
}

/// Sends the draft to the sender alone, as they would receive it.
#[server(endpoint = "outreach/messages/test")]
pub async fn send_test_message(id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let (message, sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        sending::send_test(&ctx.db, &message, &sender, &ctx.state.settings.public_url).await?;
        redirect_to(&format!("/messages/{id}?done=test"));
        Ok(())
    })
    .await
}

/// Deletes a draft; back to the sender's messages.
#[server(endpoint = "outreach/messages/delete")]
pub async fn delete_message(id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let (message, _sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        drafts::delete_draft(&ctx.db, &message).await?;
        let back = match message.group_id {
            Some(group) => format!("/messages?group={group}&done=deleted"),
            None => "/messages?done=deleted".to_string(),
        };
        redirect_to(&back);
        Ok(())
    })
    .await
}

/// Sends the draft to its audience now, or schedules it for its send time.
#[server(endpoint = "outreach/messages/send")]
pub async fn send_message(id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let (message, sender) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        let site = &ctx.state.settings.public_url;
        let done = sending::send_or_schedule(&ctx.db, &message, &sender, site).await?;
        redirect_to(&format!("/messages/{id}?done={done}"));
        Ok(())
    })
    .await
}

/// Takes a scheduled message back to a draft.
#[server(endpoint = "outreach/messages/unschedule")]
pub async fn unschedule_message(id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let (message, _) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        sending::unschedule(&ctx.db, &message).await?;
        redirect_to(&format!("/messages/{id}?done=unscheduled"));
        Ok(())
    })
    .await
}

/// How far a send has got, for the live progress bar.
#[server(endpoint = "outreach/messages/progress")]
pub async fn get_send_progress(id: i32) -> Result<SendProgress, AppError> {
    serve(|ctx| async move {
        let (message, _) = senders::message_for(&ctx.db, id, ctx.maybe_person()).await?;
        sending::progress_of(&ctx.db, message.id).await
    })
    .await
}

/// How many people an audience reaches now, with consent for the channel.
#[server(endpoint = "outreach/audience/count")]
pub async fn count_audience(
    group_id: Option<i32>,
    channel: String,
    audience: String,
    miles: i32,
) -> Result<i64, AppError> {
    serve(|ctx| async move {
        let sender = senders::sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        let channel = Channel::from_form(&channel)?;
        let kind = AudienceKind::parse(&audience)
            .ok_or_else(|| AppError::invalid("audience", "Choose who it goes to."))?;
        let spec = audience::AudienceSpec::new(&sender, kind, miles, channel)?;
        audience::count(&ctx.db, &spec, chrono::Utc::now()).await
    })
    .await
}

/// Saves a national template. Staff only.
#[server(endpoint = "outreach/templates/save")]
pub async fn save_template(
    name: String,
    channel: String,
    subject: Option<String>,
    body: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let staff = ctx.require_role(crate::auth::model::Role::Staff)?;
        let channel = Channel::from_form(&channel)?;
        templates::save_template(
            &ctx.db,
            staff.id,
            &name,
            channel,
            subject.as_deref().unwrap_or(""),
            &body,
        )
        .await?;
        redirect_to("/messages?done=template");
        Ok(())
    })
    .await
}
