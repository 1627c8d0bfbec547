//! Delivering messages to audiences. A worker claims a batch of due deliveries in one
//! UPDATE … RETURNING (with FOR UPDATE SKIP LOCKED on PostgreSQL, so any number of nodes
//! share the work and never take the same row), checks consent and suppressions at that
//! moment, sends through the provider several at a time within its rate limit, and
//! records each recipient's outcome as soon as the provider answers. A node killed
//! mid-batch leaves its claimed rows "sending"; after `STALE_AFTER` they are due again,
//! and only a message whose provider had accepted it but whose row was not yet written
//! can go twice.

use super::{
    drafts::channel_of,
    render::{render_for, MessageContext},
    unsubscribe::{signing_key, token_for},
};
use crate::{
    consent::{model::scope_of, service::emails_with_consent},
    error::AppResult,
    groups::service::lookups::group_ref,
    mail::{
        backoff, keep_logged_copy,
        mailer::{Delivery, Mailer, OutgoingEmail},
        sms::{OutgoingText, TextDelivery, TextError, TextSender},
        suppressions::{suppress, suppressed_among},
    },
    outreach::{
        entity::{message, message_delivery as delivery},
        model::{Channel, DeliveryStatus},
    },
};
use chrono::{DateTime, Duration, Utc};
use futures::{stream, StreamExt};
use sea_orm::{
    sea_query::{Expr, ExprTrait, LockBehavior, LockType, Query},
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
};
use std::{collections::HashMap, time::Instant};
use tokio::sync::Mutex;

/// Tries before a recipient is given up on.
const MAX_ATTEMPTS: i32 = 5;
/// How long a claimed row may stay "sending" before it is taken to be abandoned.
pub const STALE_AFTER: Duration = Duration::minutes(10);

/// A provider's limit: at most `per_second` sends in any one-second window.
pub struct RateLimit {
    per_second: u32,
    window: Mutex<(Instant, u32)>,
}

impl RateLimit {
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second: Ord::max(per_second, 1),
            window: Mutex::new((Instant::now(), 0)),
        }
    }

    /// Waits until one more send fits in the limit.
    pub async fn wait(&self) {
        loop {
            let pause = {
                let mut window = self.window.lock().await;
                let elapsed = window.0.elapsed();
                if elapsed >= std::time::Duration::from_secs(1) {
                    *window = (Instant::now(), 0);
                }
                if window.1 < self.per_second {
                    window.1 += 1;
                    return;
                }
                std::time::Duration::from_secs(1).saturating_sub(elapsed)
            };
            tokio::time::sleep(pause).await;
        }
    }
}

/// The providers and their limits.
pub struct Outlets<'a> {
    pub mailer: &'a dyn Mailer,
    pub texter: &'a dyn TextSender,
    pub email_limit: &'a RateLimit,
    pub text_limit: &'a RateLimit,
    /// Sends in flight at once.
    pub concurrency: usize,
}

/// One recipient's outcome, as written back.
enum Outcome {
    Sent(DeliveryStatus),
    Skipped(&'static str),
    Permanent(String),
    Retry(String),
}

/// Claims up to `batch` due deliveries and sends them. Returns how many were claimed
/// (so the worker knows whether to come straight back).
pub async fn deliver_due_messages(
    db: &impl ConnectionTrait,
    outlets: &Outlets<'_>,
    site_url: &str,
    batch: u64,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    release_stale(db, now).await?;
    let claimed = claim(db, batch, now).await?;
    if claimed.is_empty() {
        return Ok(0);
    }
    let count = claimed.len();
    let key = signing_key(db).await?;
    let mut by_message: HashMap<i32, Vec<delivery::Model>> = HashMap::new();
    for row in claimed {
        by_message.entry(row.message_id).or_default().push(row);
    }
    for (message_id, rows) in by_message {
        let Some(found) = message::Entity::find_by_id(message_id).one(db).await? else {
            continue;
        };
        let sender_name = match found.group_id {
            Some(id) => group_ref(db, id).await?.map(|g| g.name),
            None => None,
        }
        .unwrap_or_else(|| "MembersNet".to_string());
        let context = MessageContext::load(db, &found, &sender_name, site_url).await?;
        let channel = channel_of(&found);
        let emails: Vec<String> = rows.iter().map(|r| r.email.clone()).collect();
        let consented = emails_with_consent(db, &emails, channel, scope_of(found.group_id)).await?;
        let addresses: Vec<String> = rows.iter().filter_map(|r| address_of(r, channel)).collect();
        let suppressed = suppressed_among(db, channel, &addresses).await?;
        let work = rows.into_iter().map(|row| {
            let (found, context, key) = (&found, &context, &key);
            let (consented, suppressed) = (&consented, &suppressed);
            async move {
                let outcome = match address_of(&row, channel) {
                    _ if !consented.contains(&row.email) => {
                        Outcome::Skipped("no consent at the time of sending")
                    }
                    None => Outcome::Skipped("no mobile number"),
                    Some(address) if suppressed.contains(&address) => {
                        Outcome::Skipped("bounced or dead before")
                    }
                    Some(address) => {
                        let unsubscribe = format!(
                            "{site_url}/unsubscribe/{}",
                            token_for(key, row.id, &row.email)
                        );
                        let copy = render_for(found, context, &row.name, &unsubscribe);
                        match channel {
                            Channel::Email => {
                                outlets.email_limit.wait().await;
                                let email = OutgoingEmail {
                                    to: address,
                                    subject: copy.subject,
                                    body: copy.text,
                                    html: copy.html,
                                    list_unsubscribe: Some(format!("{unsubscribe}/one-click")),
                                };
                                match outlets.mailer.deliver(&email).await {
                                    Ok(Delivery::Sent) => Outcome::Sent(DeliveryStatus::Sent),
                                    Ok(Delivery::Logged) => {
                                        match keep_logged_copy(db, &email).await {
                                            Ok(()) => Outcome::Sent(DeliveryStatus::Logged),
                                            Err(err) => return Err(err),
                                        }
                                    }
                                    Err(e) if e.permanent => Outcome::Permanent(e.message),
                                    Err(e) => Outcome::Retry(e.message),
                                }
                            }
                            Channel::Sms | Channel::Phone => {
                                outlets.text_limit.wait().await;
                                let text = OutgoingText {
                                    to: address,
                                    body: copy.text,
                                };
                                match outlets.texter.send(&text).await {
                                    Ok(TextDelivery::Sent { .. }) => {
                                        Outcome::Sent(DeliveryStatus::Sent)
                                    }
                                    Ok(TextDelivery::Logged) => {
                                        Outcome::Sent(DeliveryStatus::Logged)
                                    }
                                    Err(TextError::Permanent(why)) => Outcome::Permanent(why),
                                    Err(TextError::Transient(why)) => Outcome::Retry(why),
                                }
                            }
                        }
                    }
                };
                record(db, &row, channel, outcome, now).await
            }
        });
        let results: Vec<AppResult<()>> = stream::iter(work)
            .buffer_unordered(outlets.concurrency.max(1))
            .collect()
            .await;
        results.into_iter().collect::<AppResult<()>>()?;
    }
    Ok(count)
}

/// Where a delivery goes on `channel`.
fn address_of(row: &delivery::Model, channel: Channel) -> Option<String> {
    match channel {
        Channel::Email => Some(row.email.clone()),
        Channel::Sms | Channel::Phone => row.phone.clone(),
    }
}

/// Makes rows a dead node left "sending" due again.
async fn release_stale(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<()> {
    delivery::Entity::update_many()
        .col_expr(
            delivery::Column::Status,
            Expr::value(DeliveryStatus::Pending),
        )
        .filter(delivery::Column::Status.eq(DeliveryStatus::Sending))
        .filter(delivery::Column::ClaimedAt.lt(now - STALE_AFTER))
        .exec(db)
        .await?;
    Ok(())
}

/// Marks up to `batch` due rows "sending" and returns them.
async fn claim(
    db: &impl ConnectionTrait,
    batch: u64,
    now: DateTime<Utc>,
) -> AppResult<Vec<delivery::Model>> {
    let mut due = Query::select();
    due.column(delivery::Column::Id)
        .from(delivery::Entity)
        .and_where(delivery::Column::Status.eq(DeliveryStatus::Pending))
        .and_where(delivery::Column::NextAttemptAt.lte(now))
        .order_by(delivery::Column::Id, sea_orm::Order::Asc)
        .limit(batch);
    if db.get_database_backend() == DatabaseBackend::Postgres {
        due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    Ok(delivery::Entity::update_many()
        .col_expr(
            delivery::Column::Status,
            Expr::value(DeliveryStatus::Sending),
        )
        .col_expr(delivery::Column::ClaimedAt, Expr::value(now))
        .col_expr(
            delivery::Column::Attempts,
            Expr::col(delivery::Column::Attempts).add(1),
        )
        .filter(delivery::Column::Id.in_subquery(due))
        .filter(delivery::Column::Status.eq(DeliveryStatus::Pending))
        .exec_with_returning(db)
        .await?)
}

/// Writes one recipient's outcome; bounces and dead numbers are suppressed too.
async fn record(
    db: &impl ConnectionTrait,
    row: &delivery::Model,
    channel: Channel,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut update = delivery::Entity::update_many().filter(delivery::Column::Id.eq(row.id));
    update = match outcome {
        Outcome::Sent(status) => update
            .col_expr(delivery::Column::Status, Expr::value(status))
            .col_expr(delivery::Column::SentAt, Expr::value(Utc::now())),
        Outcome::Skipped(why) => update
            .col_expr(
                delivery::Column::Status,
                Expr::value(DeliveryStatus::Skipped),
            )
            .col_expr(delivery::Column::LastError, Expr::value(why)),
        Outcome::Permanent(why) => {
            if let Some(address) = address_of(row, channel) {
                let reason = if channel == Channel::Email {
                    "bounced"
                } else {
                    "dead"
                };
                suppress(db, channel, &address, reason, &why).await?;
            }
            update
                .col_expr(
                    delivery::Column::Status,
                    Expr::value(DeliveryStatus::Failed),
                )
                .col_expr(delivery::Column::LastError, Expr::value(short(&why)))
        }
        Outcome::Retry(why) => {
            let status = if row.attempts >= MAX_ATTEMPTS {
                DeliveryStatus::Failed
            } else {
                DeliveryStatus::Pending
            };
            update
                .col_expr(delivery::Column::Status, Expr::value(status))
                .col_expr(
                    delivery::Column::NextAttemptAt,
                    Expr::value(now + backoff(row.attempts)),
                )
                .col_expr(delivery::Column::LastError, Expr::value(short(&why)))
        }
    };
    update.exec(db).await?;
    Ok(())
}

fn short(why: &str) -> String {
    why.chars().take(300).collect()
}
