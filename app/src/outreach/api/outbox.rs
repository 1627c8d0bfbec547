//! The staff outbox.

use crate::{error::AppError, outreach::model::OutboxEmailView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::model::Role,
    ctx::{respond, RequestCtx},
    outreach::{model::hide_links, service},
    state::OutboxAccess,
};

/// The newest 100 emails in the outbox. Staff only, and only where no mail server
/// delivers; their links show only in development (they include live reset links).
#[server(endpoint = "outreach/outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxEmailView>, AppError> {
    respond(
        async {
            let ctx = RequestCtx::load().await?;
            let staff = ctx.require_role(Role::Staff)?;
            let access = ctx.state.settings.outbox;
            if access == OutboxAccess::Closed {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff_id = staff.id, "staff read the outbox");
            let mut emails = service::list_outbox_emails(&ctx.db, 100).await?;
            if access == OutboxAccess::LinksHidden {
                for email in &mut emails {
                    email.body = hide_links(&email.body);
                }
            }
            Ok(emails)
        }
        .await,
    )
}
