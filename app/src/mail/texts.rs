//! Single texts (STOP confirmations, event reminders): queued like outbox emails and
//! delivered by the worker through the SMS provider.

use super::{
    entity::outbox_text,
    model::{Channel, OutboxStatus},
    sms::{OutgoingText, TextDelivery, TextError, TextSender},
    suppressions::suppress,
};
use crate::error::AppResult;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

const MAX_ATTEMPTS: i32 = 5;

/// Queues a text to `to` (E.164), to go at `due`.
pub async fn queue_text(
    db: &impl ConnectionTrait,
    to: &str,
    body: &str,
    due: DateTime<Utc>,
) -> AppResult<()> {
    outbox_text::ActiveModel {
        to_phone: Set(to.to_string()),
        body: Set(body.to_string()),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(due),
        last_error: Set(None),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Wait before retry `attempt` (1, 2, …): 30 s, 1 min, 2 min … up to an hour.
pub fn backoff(attempt: i32) -> Duration {
    let doubled = 30i64.saturating_mul(1i64 << (attempt.clamp(1, 12) - 1));
    Duration::seconds(Ord::min(doubled, 3600))
}

/// How long a worker may hold a text before it counts as dead and the text is due again.
const SENDING_LEASE: Duration = Duration::minutes(10);

/// Sends due texts, up to `batch`, and any left "sending" by a worker that died mid-send
/// (a claim moves the text's next attempt past the lease, so a held text falls due again
/// when the lease runs out). Each is claimed with a conditional update on its attempt
/// count first, so several nodes send each once. Returns how many went.
pub async fn deliver_pending_texts(
    db: &impl ConnectionTrait,
    texter: &dyn TextSender,
    batch: u64,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let due = outbox_text::Entity::find()
        .filter(outbox_text::Column::Status.is_in([OutboxStatus::Pending, OutboxStatus::Sending]))
        .filter(outbox_text::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox_text::Column::Id)
        .limit(batch)
        .all(db)
        .await?;
    let mut sent = 0;
    for text in due {
        let attempts = text.attempts + 1;
        let claimed = outbox_text::Entity::update_many()
            .col_expr(outbox_text::Column::Status, OutboxStatus::Sending.into())
            .col_expr(outbox_text::Column::Attempts, attempts.into())
            .col_expr(
                outbox_text::Column::NextAttemptAt,
                (now + SENDING_LEASE).into(),
            )
            .filter(outbox_text::Column::Id.eq(text.id))
            .filter(outbox_text::Column::Status.eq(text.status))
            .filter(outbox_text::Column::Attempts.eq(text.attempts))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let outgoing = OutgoingText {
            to: text.to_phone.clone(),
            body: text.body.clone(),
        };
        let mut row: outbox_text::ActiveModel = text.clone().into();
        row.attempts = Set(attempts);
        match texter.send(&outgoing).await {
            Ok(delivery) => {
                let status = match delivery {
                    TextDelivery::Sent { .. } => OutboxStatus::Sent,
                    TextDelivery::Logged => OutboxStatus::Logged,
                };
                row.status = Set(status);
                row.sent_at = Set(Some(Utc::now()));
                sent += 1;
            }
            Err(TextError::Permanent(why)) => {
                suppress(db, Channel::Sms, &text.to_phone, "dead", &why).await?;
                row.status = Set(OutboxStatus::Failed);
                row.last_error = Set(Some(why));
            }
            Err(TextError::Transient(why)) => {
                let given_up = attempts >= MAX_ATTEMPTS;
                row.status = Set(if given_up {
                    OutboxStatus::Failed
                } else {
                    OutboxStatus::Pending
                });
                row.next_attempt_at = Set(now + backoff(attempts));
                row.last_error = Set(Some(why));
            }
        }
        row.update(db).await?;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(120));
        assert_eq!(backoff(20), Duration::seconds(3600));
    }
}
