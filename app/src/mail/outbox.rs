//! The outbox: queue an email, list them for staff, and deliver them exactly once.

use super::{
    entity::outbox_email,
    mailer::{Delivery, Mailer, OutgoingEmail},
    model::{OutboxEmailView, OutboxStatus},
};
use crate::{error::AppResult, format::format_when};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// Tries before an email is given up on.
const MAX_ATTEMPTS: i32 = 5;

/// Queues an email. Call it inside the transaction of the change that causes it.
pub async fn queue_email(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
) -> AppResult<()> {
    queue_email_parts(db, to, subject, body, None).await
}

/// Queues an email with an HTML part as well as its plain text (test sends).
pub async fn queue_email_parts(
    db: &impl ConnectionTrait,
    to: &str,
    subject: &str,
    body: &str,
    html: Option<&str>,
) -> AppResult<()> {
    outbox_email::ActiveModel {
        to_email: Set(to.to_string()),
        subject: Set(subject.to_string()),
        body: Set(body.to_string()),
        html: Set(html.map(str::to_string)),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        last_error: Set(None),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Keeps a copy of an email to an audience that no mail server took (development), so
/// staff read it on the outbox page like any other.
pub async fn keep_logged_copy(db: &impl ConnectionTrait, email: &OutgoingEmail) -> AppResult<()> {
    let now = Utc::now();
    outbox_email::ActiveModel {
        to_email: Set(email.to.clone()),
        subject: Set(email.subject.clone()),
        body: Set(email.body.clone()),
        html: Set(email.html.clone()),
        status: Set(OutboxStatus::Logged),
        attempts: Set(1),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest emails first, for the staff outbox page.
pub async fn list_outbox_emails(
    db: &impl ConnectionTrait,
    limit: u64,
) -> AppResult<Vec<OutboxEmailView>> {
    let rows = outbox_email::Entity::find()
        .order_by_desc(outbox_email::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_view).collect())
}

fn to_view(row: outbox_email::Model) -> OutboxEmailView {
    let status = match row.status {
        OutboxStatus::Sent => "Sent".to_string(),
        OutboxStatus::Logged => "Not sent: no mail server is set up (SMTP_URL)".to_string(),
        OutboxStatus::Failed => format!("Failed: {}", row.last_error.unwrap_or_default()),
        OutboxStatus::Pending | OutboxStatus::Sending => "Waiting to send".to_string(),
    };
    OutboxEmailView {
        id: row.id,
        to_email: row.to_email,
        subject: row.subject,
        body: row.body,
        status,
        queued_at: format_when(row.created_at),
    }
}

/// How long a worker may hold an email before it counts as dead and the email is due
/// again. Far longer than any SMTP exchange takes.
pub const SENDING_LEASE: chrono::Duration = chrono::Duration::minutes(10);

/// Delivers waiting emails, up to `batch`, and any left "sending" by a worker that died
/// mid-send. Each is claimed with a conditional UPDATE on its attempt count first, so any
/// number of nodes running this deliver each email once. Returns how many were handed over.
pub async fn deliver_pending(
    db: &impl ConnectionTrait,
    mailer: &dyn Mailer,
    batch: u64,
) -> AppResult<usize> {
    let now = Utc::now();
    let abandoned = Condition::all()
        .add(outbox_email::Column::Status.eq(OutboxStatus::Sending))
        .add(outbox_email::Column::ClaimedAt.lt(now - SENDING_LEASE));
    let waiting = outbox_email::Entity::find()
        .filter(
            Condition::any()
                .add(outbox_email::Column::Status.eq(OutboxStatus::Pending))
                .add(abandoned),
        )
        .order_by_asc(outbox_email::Column::Id)
        .limit(batch)
        .all(db)
        .await?;
    let mut delivered = 0;
    for email in waiting {
        // The attempt count goes up with every claim, so it tells whether anyone else
        // claimed this email since it was read.
        let claimed = outbox_email::Entity::update_many()
            .col_expr(outbox_email::Column::Status, OutboxStatus::Sending.into())
            .col_expr(outbox_email::Column::Attempts, (email.attempts + 1).into())
            .col_expr(outbox_email::Column::ClaimedAt, Some(now).into())
            .filter(outbox_email::Column::Id.eq(email.id))
            .filter(outbox_email::Column::Status.eq(email.status))
            .filter(outbox_email::Column::Attempts.eq(email.attempts))
            .exec(db)
            .await?;
        if claimed.rows_affected != 1 {
            continue; // another node has it
        }
        let outgoing = OutgoingEmail {
            to: email.to_email.clone(),
            subject: email.subject.clone(),
            body: email.body.clone(),
            html: email.html.clone(),
            list_unsubscribe: None,
        };
        let mut row: outbox_email::ActiveModel = email.clone().into();
        row.attempts = Set(email.attempts + 1);
        row.claimed_at = Set(Some(now));
        match mailer.deliver(&outgoing).await {
            Ok(outcome) => {
                row.status = Set(if outcome == Delivery::Sent {
                    OutboxStatus::Sent
                } else {
                    OutboxStatus::Logged
                });
                row.sent_at = Set(Some(Utc::now()));
                row.last_error = Set(None);
                delivered += 1;
            }
            Err(err) => {
                tracing::warn!(email_id = email.id, error = %err, "email delivery failed");
                let given_up = err.permanent || email.attempts + 1 >= MAX_ATTEMPTS;
                row.status = Set(if given_up {
                    OutboxStatus::Failed
                } else {
                    OutboxStatus::Pending
                });
                row.last_error = Set(Some(err.message));
            }
        }
        row.update(db).await?;
    }
    Ok(delivered)
}
