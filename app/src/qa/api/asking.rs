//! Members and watchers: the list, a session's page, asking, withdrawing, voting,
//! reporting.

use crate::{
    error::AppError,
    qa::model::{SessionList, SessionSummary, SessionView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    qa::{
        live,
        policy::QaAction,
        service::access::{session_for, session_to_read},
    },
};

/// Sessions live now, upcoming, and past records; and where the viewer may host one.
#[server(endpoint = "qa/list")]
pub async fn list_sessions() -> Result<SessionList, AppError> {
    serve(|ctx| async move {
        crate::qa::service::lists::session_list(&ctx.db, ctx.maybe_person(), chrono::Utc::now())
            .await
    })
    .await
}

/// A group's sessions, for its page.
#[server(endpoint = "qa/group")]
pub async fn list_group_sessions(group_id: i32) -> Result<Vec<SessionSummary>, AppError> {
    serve(|ctx| async move {
        crate::qa::service::lists::group_sessions(
            &ctx.db,
            group_id,
            ctx.maybe_person().is_some(),
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// A session as the viewer sees it: live, or its record once closed.
#[server(endpoint = "qa/session")]
pub async fn session_page(id: i32) -> Result<SessionView, AppError> {
    serve(|ctx| async move {
        let access = session_to_read(&ctx.db, id, ctx.maybe_person()).await?;
        let watching = live::watching(&ctx.state.live, id);
        crate::qa::service::views::session_view(
            &ctx.db,
            &access,
            &ctx.state.settings.public_url,
            chrono::Utc::now(),
            watching,
        )
        .await
    })
    .await
}

/// Puts a question to the moderators.
#[server(endpoint = "qa/ask")]
pub async fn ask_question(
    id: i32,
    body: String,
    topic: Option<String>,
    show_name: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Ask).await?;
        crate::qa::service::questions::ask(
            &ctx.db,
            &access,
            &body,
            topic.as_deref().unwrap_or_default(),
            show_name.is_some(),
            chrono::Utc::now(),
        )
        .await?;
        redirect_to(&format!("/qa/{id}?asked=1#mine"));
        Ok(())
    })
    .await
}

/// Withdraws the asker's own question.
#[server(endpoint = "qa/withdraw")]
pub async fn withdraw_question(id: i32, question_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Ask).await?;
        crate::qa::service::questions::withdraw(&ctx.db, &access, question_id, chrono::Utc::now())
            .await?;
        live::changed(&ctx.state.live, id).await?;
        redirect_to(&format!("/qa/{id}#mine"));
        Ok(())
    })
    .await
}

/// Votes for a question ("up"), or takes the vote back ("down").
#[server(endpoint = "qa/vote")]
pub async fn vote_question(id: i32, question_id: i32, direction: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::qa::service::votes::{unvote, vote, Voted};
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Ask).await?;
        let now = chrono::Utc::now();
        let done = match direction.as_str() {
            "up" => vote(&ctx.db, &access, question_id, now).await?,
            "down" => unvote(&ctx.db, &access, question_id, now).await?,
            _ => return Err(AppError::invalid("direction", "Vote up or down.")),
        };
        if done == Voted::Counted {
            live::vote_changed(&ctx.state.live, id, question_id).await?;
        }
        redirect_to(&format!("/qa/{id}#q-{question_id}"));
        Ok(())
    })
    .await
}

/// Reports a question or an answer to the moderators.
#[server(endpoint = "qa/report")]
pub async fn report_content(
    id: i32,
    question_id: Option<i32>,
    answer_id: Option<i32>,
    reason: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::qa::service::reports::{report, Reported};
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Report).await?;
        let what = match (question_id, answer_id) {
            (_, Some(answer)) => Reported::Answer(answer),
            (Some(question), None) => Reported::Question(question),
            (None, None) => return Err(AppError::invalid("reason", "Choose what to report.")),
        };
        report(&ctx.db, &access, what, &reason, chrono::Utc::now()).await?;
        redirect_to(&format!("/qa/{id}?reported=1"));
        Ok(())
    })
    .await
}
