//! The staff outbox, and the previews of every transactional email.

use crate::{
    error::AppError,
    mail::{EmailPreview, OutboxEmailView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::model::Role, ctx::serve, mail, outreach::model::hide_links, state::OutboxAccess,
};

/// The newest 100 emails in the outbox. Staff only, and only where no mail server
/// delivers; their links show only in development (they include live reset links).
#[server(endpoint = "outreach/outbox")]
pub async fn list_outbox() -> Result<Vec<OutboxEmailView>, AppError> {
    serve(|ctx| async move {
        let staff = ctx.require_role(Role::Staff)?;
        let access = ctx.state.settings.outbox;
        if access == OutboxAccess::Closed {
            return Err(AppError::NotFound);
        }
        tracing::info!(staff_id = staff.id, "staff read the outbox");
        let mut emails = mail::list_outbox_emails(&ctx.db, 100).await?;
        let viewing = crate::personal_data::access_log::Viewing {
            viewer_id: staff.id,
            viewer_role: "staff",
            what: crate::personal_data::viewed_things::OUTBOX,
        };
        let seen = emails
            .iter()
            .map(|e| crate::personal_data::access_log::Viewed::Guest(e.to_email.clone()));
        crate::personal_data::access_log::record(&ctx.db, viewing, seen).await?;
        if access == OutboxAccess::LinksHidden {
            for email in &mut emails {
                email.body = hide_links(&email.body);
            }
        }
        Ok(emails)
    })
    .await
}

/// Every transactional email rendered with sample values, both parts. Staff only.
#[server(endpoint = "outreach/email-previews")]
pub async fn list_email_previews() -> Result<Vec<EmailPreview>, AppError> {
    serve(|ctx| async move {
        ctx.require_role(Role::Staff)?;
        mail::previews::all_previews()
    })
    .await
}
