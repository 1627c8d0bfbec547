//! The staff outbox.

use crate::{error::AppError, outreach::model::OutboxEmailView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::model::Role,
    ctx::{respond, RequestCtx},
    outreach::service,
};

/// The newest 100 emails in the outbox. Staff only: they contain reset links.
#[server(endpoint = "outreach/outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxEmailView>, AppError> {
    respond(
        async {
            let ctx = RequestCtx::load().await?;
            let staff = ctx.require_role(Role::Staff)?;
            tracing::info!(staff_id = staff.id, "staff read the outbox");
            service::list_outbox_emails(&ctx.db, 100).await
        }
        .await,
    )
}
