//! The background worker that delivers queued email.

use app::outreach::{mailer::Mailer, service::deliver_pending};
use sea_orm::DatabaseConnection;
use std::{sync::Arc, time::Duration};
use tokio::sync::watch;

/// How often the outbox is checked for new email.
const POLL_EVERY: Duration = Duration::from_millis(500);

/// Delivers queued email until `shutdown` turns true.
pub async fn run(
    db: DatabaseConnection,
    mailer: Arc<dyn Mailer>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        match deliver_pending(&db, mailer.as_ref(), 50).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "delivered email"),
            Err(err) => tracing::warn!(error = %err, "outbox delivery round failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL_EVERY) => {}
            _ = shutdown.changed() => break,
        }
    }
}
