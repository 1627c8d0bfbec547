//! Retention: what is kept no longer than needed, run by the worker once a day. Each
//! domain deletes or anonymises its own rows; this says when, from the settings.

use crate::{
    auth::service::retention::purge_expired, consent::service::retention::purge_unconfirmed,
    error::AppResult, events::service::retention::anonymise_guest_signups,
    mail::retention::strip_delivered_bodies, personal_data::access_log::purge_older_than,
    privacy::service::requests,
};
use chrono::{DateTime, Duration, Months, Utc};
use sea_orm::ConnectionTrait;

/// How long things are kept (settings; these are the defaults).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// A guest's sign-up is anonymised this many months after its event.
    pub guest_signup_months: u32,
    /// A session ends this many days after it began, used or not.
    pub session_idle_days: i64,
    /// The words of a delivered email or text are removed this many days after delivery.
    pub outbox_body_days: i64,
    /// The access log is kept this many months.
    pub access_log_months: u32,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            guest_signup_months: 24,
            session_idle_days: 90,
            outbox_body_days: 30,
            access_log_months: 24,
        }
    }
}

/// What one run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub guest_signups_anonymised: u64,
    pub expired_links_and_sessions_deleted: u64,
    pub outbox_bodies_removed: u64,
    pub access_entries_deleted: u64,
    pub data_requests_deleted: u64,
}

impl RetentionReport {
    pub fn total(&self) -> u64 {
        self.guest_signups_anonymised
            + self.expired_links_and_sessions_deleted
            + self.outbox_bodies_removed
            + self.access_entries_deleted
            + self.data_requests_deleted
    }
}

/// Applies `policy` as of `now` (the tests pass their own clock), and logs what it did.
pub async fn run_retention(
    db: &impl ConnectionTrait,
    policy: &RetentionPolicy,
    now: DateTime<Utc>,
) -> AppResult<RetentionReport> {
    let months_ago = |months: u32| now.checked_sub_months(Months::new(months)).unwrap_or(now);
    let report = RetentionReport {
        guest_signups_anonymised: anonymise_guest_signups(
            db,
            months_ago(policy.guest_signup_months),
        )
        .await?,
        expired_links_and_sessions_deleted: purge_expired(db, now, policy.session_idle_days)
            .await?
            + purge_unconfirmed(db, now).await?,
        outbox_bodies_removed: strip_delivered_bodies(
            db,
            now - Duration::days(policy.outbox_body_days),
        )
        .await?,
        access_entries_deleted: purge_older_than(db, months_ago(policy.access_log_months)).await?,
        data_requests_deleted: requests::purge_expired(db, now).await?,
    };
    tracing::info!(
        guest_signups_anonymised = report.guest_signups_anonymised,
        expired_links_and_sessions_deleted = report.expired_links_and_sessions_deleted,
        outbox_bodies_removed = report.outbox_bodies_removed,
        access_entries_deleted = report.access_entries_deleted,
        data_requests_deleted = report.data_requests_deleted,
        "retention run"
    );
    Ok(report)
}
