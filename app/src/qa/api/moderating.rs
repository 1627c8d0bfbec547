//! Moderators and politicians: the queue, decisions, reports, and answering.

use crate::{
    error::AppError,
    qa::model::{AnswerDesk, ModerationView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    qa::{live, policy::QaAction, service::access::session_for},
};

/// The moderation queue.
#[server(endpoint = "qa/queue")]
pub async fn moderation_queue(id: i32) -> Result<ModerationView, AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Moderate).await?;
        crate::qa::service::views::moderation_view(&ctx.db, &access, chrono::Utc::now()).await
    })
    .await
}

/// One decision on a question: "approve", "edit" (with `body`), "merge" (with `into`),
/// "decline" (with `reason`), "pick", "unpick", "hide", "show".
#[server(endpoint = "qa/moderate")]
pub async fn moderate_question(
    id: i32,
    question_id: i32,
    decision: String,
    body: Option<String>,
    into: Option<i32>,
    reason: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::qa::{
            model::DeclineReason,
            service::moderation::{decide, Decision},
        };
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Moderate).await?;
        let decision = match decision.as_str() {
            "approve" => Decision::Approve,
            "edit" => Decision::Edit(body.unwrap_or_default()),
            "merge" => Decision::Merge {
                into: into.ok_or_else(|| {
                    AppError::invalid("into", "Choose the question to merge into.")
                })?,
            },
            "decline" => Decision::Decline(
                reason
                    .as_deref()
                    .and_then(DeclineReason::parse)
                    .ok_or_else(|| AppError::invalid("reason", "Choose why it is declined."))?,
            ),
            "pick" => Decision::Pick(true),
            "unpick" => Decision::Pick(false),
            "hide" => Decision::Hide(true),
            "show" => Decision::Hide(false),
            _ => return Err(AppError::invalid("decision", "Choose what to do.")),
        };
        let decided = decide(&ctx.db, &access, question_id, decision, chrono::Utc::now()).await?;
        if decided.public {
            live::changed(&ctx.state.live, id).await?;
        }
        redirect_to(&format!("/qa/{id}/moderate?done={question_id}"));
        Ok(())
    })
    .await
}

/// Hides ("hide") or shows ("show") an answer, after a report.
#[server(endpoint = "qa/hide-answer")]
pub async fn hide_answer(id: i32, answer_id: i32, decision: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Moderate).await?;
        crate::qa::service::moderation::hide_answer(
            &ctx.db,
            &access,
            answer_id,
            decision == "hide",
        )
        .await?;
        live::changed(&ctx.state.live, id).await?;
        redirect_to(&format!("/qa/{id}/moderate"));
        Ok(())
    })
    .await
}

/// Marks a report dealt with.
#[server(endpoint = "qa/resolve")]
pub async fn resolve_report(id: i32, report_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Moderate).await?;
        crate::qa::service::reports::resolve(&ctx.db, &access, report_id, chrono::Utc::now())
            .await?;
        redirect_to(&format!("/qa/{id}/moderate"));
        Ok(())
    })
    .await
}

/// The politician's desk.
#[server(endpoint = "qa/desk")]
pub async fn politician_desk(id: i32) -> Result<AnswerDesk, AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Answer).await?;
        let watching = live::watching(&ctx.state.live, id);
        crate::qa::service::views::answer_desk(&ctx.db, &access, chrono::Utc::now(), watching).await
    })
    .await
}

/// Answers a question as one of the session's politicians.
#[server(endpoint = "qa/answer")]
pub async fn answer_question(
    id: i32,
    question_id: i32,
    politician_id: i32,
    body: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = session_for(&ctx.db, id, ctx.maybe_person(), QaAction::Answer).await?;
        let answer = crate::qa::service::answers::answer(
            &ctx.db,
            &access,
            question_id,
            politician_id,
            &body,
            chrono::Utc::now(),
        )
        .await?;
        live::answered(&ctx.state.live, answer).await?;
        redirect_to(&format!("/qa/{id}/answer?answered={question_id}"));
        Ok(())
    })
    .await
}
