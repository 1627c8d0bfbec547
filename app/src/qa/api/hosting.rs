//! Hosts and staff: scheduling, moderators, the topic cap, closing; politicians.
// Server functions take their form's fields one by one.
#![allow(clippy::too_many_arguments)]

use crate::{
    error::AppError,
    qa::model::{NewSessionView, PoliticianRow},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::model::Role,
    ctx::{redirect_to, serve},
    qa::{live, policy::QaAction, service::access::session_for},
};

/// What the schedule form needs, for the group (None: national, staff).
#[server(endpoint = "qa/new-form")]
pub async fn new_session_form(group_id: Option<i32>) -> Result<NewSessionView, AppError> {
    serve(|ctx| async move {
        let sender =
            crate::outreach::service::senders::sender_for(&ctx.db, group_id, ctx.maybe_person())
                .await?;
        Ok(NewSessionView {
            whose: sender
                .group
                .as_ref()
                .map_or_else(|| "National".to_string(), |g| g.name.clone()),
            group_id,
            politicians: crate::qa::service::politicians::all_politicians(&ctx.db).await?,
            today: chrono::Utc::now()
                .with_timezone(&chrono_tz::Europe::London)
                .date_naive()
                .to_string(),
        })
    })
    .await
}

/// Schedules a session; then opens it.
#[server(endpoint = "qa/create")]
pub async fn create_session(
    group_id: Option<i32>,
    kind: String,
    title: String,
    description: String,
    askers: String,
    readers: Option<String>,
    questions_open: String,
    starts: String,
    ends: String,
    topics: Option<String>,
    topic_cap: Option<i32>,
    politician: Option<i32>,
    second_politician: Option<i32>,
    moderators: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::{
            format::parse_london_input,
            qa::{
                model::{Askers, Readers, SessionKind},
                service::sessions::{create_session, NewSession},
            },
        };
        let sender =
            crate::outreach::service::senders::sender_for(&ctx.db, group_id, ctx.maybe_person())
                .await?;
        let when = |field: &str, raw: &str| {
            parse_london_input(raw).ok_or_else(|| {
                AppError::invalid(field, "Give a date and time, such as 2026-12-10 19:00.")
            })
        };
        let new = NewSession {
            kind: SessionKind::parse(&kind)
                .ok_or_else(|| AppError::invalid("kind", "Choose a webchat or a forum Q&A."))?,
            title,
            description,
            askers: Askers::parse(&askers)
                .ok_or_else(|| AppError::invalid("askers", "Choose who may ask."))?,
            readers: readers
                .as_deref()
                .and_then(Readers::parse)
                .unwrap_or(Readers::Anyone),
            questions_open: when("questions_open", &questions_open)?,
            starts: when("starts", &starts)?,
            ends: when("ends", &ends)?,
            topics: topics.unwrap_or_default(),
            topic_cap: topic_cap.unwrap_or(0),
            politicians: politician
                .into_iter()
                .chain(second_politician.filter(|s| Some(*s) != politician))
                .collect(),
            moderators: moderators.unwrap_or_default(),
        };
        let id = create_session(&ctx.db, &sender, new).await?;
        redirect_to(&format!("/qa/{id}?created=1"));
        Ok(())
    })
    .await
}

/// Names a moderator.
#[server(endpoint = "qa/moderators")]
pub async fn add_moderator(id: i32, email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Manage).await?;
        crate::qa::service::sessions::add_moderator(&ctx.db, &access, &email).await?;
        redirect_to(&format!("/qa/{id}/moderate?moderator=1"));
        Ok(())
    })
    .await
}

/// Sets the cap on how many of the top slots one topic may take.
#[server(endpoint = "qa/topic-cap")]
pub async fn set_topic_cap(id: i32, topic_cap: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Manage).await?;
        crate::qa::service::sessions::set_topic_cap(&ctx.db, &access, topic_cap).await?;
        live::changed(&ctx.state.live, id).await?;
        redirect_to(&format!("/qa/{id}/moderate"));
        Ok(())
    })
    .await
}

/// Closes the session now; its record is published at once.
#[server(endpoint = "qa/close")]
pub async fn close_session(id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Manage).await?;
        crate::qa::service::sessions::close_session(&ctx.db, &access, chrono::Utc::now()).await?;
        live::changed(&ctx.state.live, id).await?;
        redirect_to(&format!("/qa/{id}"));
        Ok(())
    })
    .await
}

/// Staff: every politician and their staffers.
#[server(endpoint = "qa/politicians")]
pub async fn list_politicians() -> Result<Vec<PoliticianRow>, AppError> {
    serve(|ctx| async move {
        ctx.require_role(Role::Staff)?;
        crate::qa::service::politicians::list_politicians(&ctx.db).await
    })
    .await
}

/// Staff: marks an account as a politician, with a public name and title.
#[server(endpoint = "qa/mark-politician")]
pub async fn mark_politician(
    email: String,
    public_name: String,
    title: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        ctx.require_role(Role::Staff)?;
        crate::qa::service::politicians::mark_politician(&ctx.db, &email, &public_name, &title)
            .await?;
        redirect_to("/staff/politicians?saved=1");
        Ok(())
    })
    .await
}

/// Staff: lets an account post answers for a politician.
#[server(endpoint = "qa/add-staffer")]
pub async fn add_staffer(politician: i32, email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        ctx.require_role(Role::Staff)?;
        crate::qa::service::politicians::add_staffer(&ctx.db, politician, &email).await?;
        redirect_to("/staff/politicians?staffer=1");
        Ok(())
    })
    .await
}
