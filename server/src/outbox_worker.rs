//! The background worker that delivers queued email and queues the forum digests.

use app::{
    groups::service::notifications::send_due_digests,
    outreach::{mailer::Mailer, service::deliver_pending},
};
use sea_orm::DatabaseConnection;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::watch;

/// How often the outbox is checked for new email.
const POLL_EVERY: Duration = Duration::from_millis(500);
/// How often members due a daily forum digest are looked for.
const DIGESTS_EVERY: Duration = Duration::from_secs(600);

/// Delivers queued email until `shutdown` turns true.
pub async fn run(
    db: DatabaseConnection,
    mailer: Arc<dyn Mailer>,
    site_url: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut digests_checked: Option<Instant> = None;
    loop {
        if digests_checked.is_none_or(|at| at.elapsed() >= DIGESTS_EVERY) {
            digests_checked = Some(Instant::now());
            match send_due_digests(&db, &site_url, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "queued forum digests"),
                Err(err) => tracing::warn!(error = %err, "forum digest round failed"),
            }
        }
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
