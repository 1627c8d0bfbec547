//! The background worker: delivers queued email and texts and messages to audiences,
//! starts scheduled messages, queues forum digests and event reminders, and once a day
//! applies retention (what personal data is kept no longer than needed).

use app::{
    events::service::reminders::queue_due_reminders,
    groups::service::notifications::send_due_digests,
    mail::{deliver_pending, deliver_pending_texts, mailer::Mailer, sms::TextSender},
    outreach::service::{
        delivery::{deliver_due_messages, Outlets, RateLimit},
        sending::start_due_scheduled,
    },
    privacy::service::retention::run_retention,
};
use sea_orm::DatabaseConnection;
use std::{
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::sync::watch;

/// How often the outboxes are checked when they were empty.
const POLL_EVERY: Duration = Duration::from_millis(500);
/// How often members due a daily forum digest are looked for.
const DIGESTS_EVERY: Duration = Duration::from_secs(600);
/// How often scheduled messages and event reminders are looked for.
const SCHEDULES_EVERY: Duration = Duration::from_secs(30);
/// How often retention runs (and once at start-up).
const RETENTION_EVERY: Duration = Duration::from_secs(24 * 3600);
/// Deliveries claimed at once.
const BATCH: u64 = 500;

/// Where messages go, and how fast the providers take them.
pub struct Delivery {
    pub mailer: Arc<dyn Mailer>,
    pub texter: Arc<dyn TextSender>,
    pub email_per_second: u32,
    pub texts_per_second: u32,
    /// Sends in flight at once.
    pub concurrency: usize,
    /// Whether event reminders are queued (`EVENT_REMINDERS`).
    pub event_reminders: bool,
    /// How long personal data is kept (applied once a day).
    pub retention: app::privacy::service::retention::RetentionPolicy,
}

/// Runs `job` if `every` has passed since `last`, logging what it did.
async fn now_and_then<F: Future<Output = app::error::AppResult<usize>>>(
    last: &mut Option<Instant>,
    every: Duration,
    what: &str,
    job: impl FnOnce() -> F,
) {
    if last.is_some_and(|at| at.elapsed() < every) {
        return;
    }
    *last = Some(Instant::now());
    match job().await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "{what}"),
        Err(err) => tracing::warn!(error = %err, "{what}: round failed"),
    }
}

/// Delivers until `shutdown` turns true; a batch in hand is finished first.
pub async fn run(
    db: DatabaseConnection,
    delivery: Delivery,
    site_url: String,
    mut shutdown: watch::Receiver<bool>,
) {
    let email_limit = RateLimit::new(delivery.email_per_second);
    let text_limit = RateLimit::new(delivery.texts_per_second);
    let outlets = Outlets {
        mailer: delivery.mailer.as_ref(),
        texter: delivery.texter.as_ref(),
        email_limit: &email_limit,
        text_limit: &text_limit,
        concurrency: delivery.concurrency,
    };
    let (mut digests, mut schedules, mut reminders, mut retention) = (None, None, None, None);
    let (mut records, mut checks) = (None, None);
    loop {
        let now = chrono::Utc::now();
        now_and_then(&mut digests, DIGESTS_EVERY, "queued forum digests", || {
            send_due_digests(&db, &site_url, now)
        })
        .await;
        now_and_then(
            &mut schedules,
            SCHEDULES_EVERY,
            "started scheduled messages",
            || start_due_scheduled(&db, now),
        )
        .await;
        now_and_then(
            &mut records,
            SCHEDULES_EVERY,
            "queued Q&A records to askers and voters",
            || app::qa::service::record::email_published_records(&db, &site_url, now),
        )
        .await;
        now_and_then(
            &mut checks,
            DIGESTS_EVERY,
            "reminded treasurers of unchecked donations",
            || app::fundraising::service::checks::send_reminders(&db, now, &site_url),
        )
        .await;
        if delivery.event_reminders {
            now_and_then(
                &mut reminders,
                SCHEDULES_EVERY,
                "queued event reminders",
                || queue_due_reminders(&db, &site_url, now),
            )
            .await;
        }
        now_and_then(
            &mut retention,
            RETENTION_EVERY,
            "retention run changed rows",
            || async {
                run_retention(&db, &delivery.retention, now)
                    .await
                    .map(|report| report.total() as usize)
            },
        )
        .await;
        let mut busy = false;
        match deliver_due_messages(&db, &outlets, &site_url, BATCH, now).await {
            Ok(0) => {}
            Ok(count) => busy = count as u64 == BATCH,
            Err(err) => tracing::warn!(error = %err, "message delivery round failed"),
        }
        match deliver_pending(&db, delivery.mailer.as_ref(), 50).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "delivered email"),
            Err(err) => tracing::warn!(error = %err, "outbox delivery round failed"),
        }
        match deliver_pending_texts(&db, delivery.texter.as_ref(), 50, now).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "delivered texts"),
            Err(err) => tracing::warn!(error = %err, "text delivery round failed"),
        }
        if *shutdown.borrow() {
            break;
        }
        if busy {
            continue;
        }
        tokio::select! {
            _ = tokio::time::sleep(POLL_EVERY) => {}
            _ = shutdown.changed() => break,
        }
    }
}
