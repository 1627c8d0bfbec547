//! Server functions for staff: the queue of events waiting for approval.

use crate::{error::AppError, events::model::ApprovalQueueView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    events::service::approvals,
};

/// Events waiting for approval, and whether approval is asked for. Staff only.
#[server(endpoint = "events/approvals")]
pub async fn get_approval_queue() -> Result<ApprovalQueueView, AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        approvals::approval_queue(&ctx.db, viewer).await
    })
    .await
}

/// Approves (`decision` = "approve") or refuses ("refuse") a waiting event. Staff only.
#[server(endpoint = "events/approvals/decide")]
pub async fn decide_event(event_id: i32, decision: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let approve = match decision.as_str() {
            "approve" => true,
            "refuse" => false,
            _ => return Err(AppError::invalid("decision", "Choose approve or refuse.")),
        };
        approvals::decide(
            &ctx.db,
            viewer,
            event_id,
            approve,
            &ctx.state.settings.public_url,
        )
        .await?;
        redirect_to("/staff/events");
        Ok(())
    })
    .await
}

/// Turns on or off approval for events from people who are not verified members.
#[server(endpoint = "events/approvals/rule")]
pub async fn set_approval_rule(required: Option<String>) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        approvals::set_approval_required(&ctx.db, viewer, required.is_some()).await?;
        redirect_to("/staff/events");
        Ok(())
    })
    .await
}
