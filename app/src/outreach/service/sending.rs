//! Sending: a test to oneself, sending now or at a set time, and how far a send has got.
//! Starting a send turns the draft into queued deliveries in one transaction, so a
//! message is queued once, whole, or not at all.

use super::{
    audience::{self, AudienceSpec},
    drafts::{channel_of, check_content, spec_of, MAX_TEXT_SEGMENTS},
    render::{render_for, MessageContext},
    senders::Sender,
};
use crate::db::begin_write;
use crate::mail::{queue_email_parts, queue_text, quiet_hours::next_allowed};
use crate::{
    consent::service::sms_number_of,
    error::{AppError, AppResult},
    groups::service::lookups::group_ref,
    outreach::{
        compose::segments::count_sms,
        entity::{message, message_delivery},
        model::{Channel, DeliveryStatus, MessageStatus, SendProgress, DEFAULT_AREA_MILES},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    FromQueryResult, QueryFilter, QuerySelect,
};

/// Sends the draft to the sender alone.
pub async fn send_test(
    db: &impl ConnectionTrait,
    found: &message::Model,
    sender: &Sender,
    site_url: &str,
) -> AppResult<()> {
    check_content(found)?;
    let context = MessageContext::load(db, found, &sender.name(), site_url).await?;
    let unsubscribe = format!("{site_url}/preferences");
    let copy = render_for(found, &context, &sender.person.name, &unsubscribe);
    match channel_of(found) {
        Channel::Email => {
            let subject = format!("[Test] {}", copy.subject);
            queue_email_parts(
                db,
                &sender.person.email,
                &subject,
                &copy.text,
                copy.html.as_deref(),
            )
            .await
        }
        Channel::Sms | Channel::Phone => {
            let number = sms_number_of(db, &sender.person.email)
                .await?
                .ok_or_else(|| {
                    AppError::invalid(
                    "test",
                    "We have no mobile number for you: give one when you next sign up to an event.",
                )
                })?;
            queue_text(db, &number, &copy.text, Utc::now()).await
        }
    }
}

/// Sends the draft now, or schedules it for its send time. Returns what happened:
/// "sent", "scheduled", or "quiet" (texts held until quiet hours end).
pub async fn send_or_schedule(
    db: &DatabaseConnection,
    found: &message::Model,
    sender: &Sender,
    site_url: &str,
) -> AppResult<&'static str> {
    if found.status != MessageStatus::Draft {
        return Err(AppError::conflict(
            "This message has already been sent or scheduled.",
        ));
    }
    check_content(found)?;
    let spec = spec_of(found, sender)?;
    let now = Utc::now();
    if channel_of(found) == Channel::Sms {
        check_longest_text(db, found, sender, &spec, site_url).await?;
    }
    if let Some(at) = found.send_at.filter(|at| *at > now) {
        if audience::count(db, &spec, now).await? == 0 {
            return Err(nobody_to_send_to());
        }
        let moved = message::Entity::update_many()
            .col_expr(
                message::Column::Status,
                Expr::value(MessageStatus::Scheduled),
            )
            .col_expr(message::Column::SendAt, Expr::value(at))
            .filter(message::Column::Id.eq(found.id))
            .filter(message::Column::Status.eq(MessageStatus::Draft))
            .exec(db)
            .await?;
        if moved.rows_affected != 1 {
            return Err(AppError::conflict(
                "This message has already been sent or scheduled.",
            ));
        }
        return Ok("scheduled");
    }
    let due = start_send(db, found, &spec, MessageStatus::Draft, now).await?;
    Ok(if due > now { "quiet" } else { "sent" })
}

/// A text stays within the length limit as its longest recipient will get it: merge
/// fields filled, with the longest first name in the audience.
async fn check_longest_text(
    db: &impl ConnectionTrait,
    found: &message::Model,
    sender: &Sender,
    spec: &AudienceSpec,
    site_url: &str,
) -> AppResult<()> {
    let longest_name = "x".repeat(audience::longest_first_name(db, spec, Utc::now()).await?);
    let context = MessageContext::load(db, found, &sender.name(), site_url).await?;
    let unsubscribe = format!("{site_url}/unsubscribe/1234567890-{}", "0".repeat(24));
    let text = render_for(found, &context, &longest_name, &unsubscribe).text;
    if count_sms(&text).segments > MAX_TEXT_SEGMENTS {
        return Err(AppError::invalid(
            "body",
            "Sent to the longest name in this audience, that is more than ten texts long: shorten it.",
        ));
    }
    Ok(())
}

fn nobody_to_send_to() -> AppError {
    AppError::invalid(
        "audience",
        "Nobody in this audience has agreed to hear from you this way yet.",
    )
}

/// Queues every delivery of `found` (still in status `from`), due now or, for texts in
/// quiet hours, when they end, building the audience once. Returns when they are due.
pub async fn start_send(
    db: &DatabaseConnection,
    found: &message::Model,
    spec: &AudienceSpec,
    from: MessageStatus,
    now: DateTime<Utc>,
) -> AppResult<DateTime<Utc>> {
    let due = if spec.channel == Channel::Sms && !found.quiet_override {
        next_allowed(now)
    } else {
        now
    };
    let txn = begin_write(db).await?;
    let moved = message::Entity::update_many()
        .col_expr(message::Column::Status, Expr::value(MessageStatus::Queued))
        .col_expr(message::Column::QueuedAt, Expr::value(now))
        .filter(message::Column::Id.eq(found.id))
        .filter(message::Column::Status.eq(from))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::conflict("This message has already been sent."));
    }
    let queued = audience::enqueue(&txn, spec, found.id, due, now).await?;
    // Whoever pressed Send is told, and nothing is kept (the transaction is dropped); a
    // schedule that fires has nobody to tell, so it goes out to nobody.
    if queued == 0 && from == MessageStatus::Draft {
        return Err(nobody_to_send_to());
    }
    message::Entity::update_many()
        .col_expr(message::Column::RecipientCount, Expr::value(queued as i32))
        .filter(message::Column::Id.eq(found.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    tracing::info!(message_id = found.id, queued, "message queued");
    Ok(due)
}

/// Takes a scheduled message back to a draft.
pub async fn unschedule(db: &impl ConnectionTrait, found: &message::Model) -> AppResult<()> {
    let moved = message::Entity::update_many()
        .col_expr(message::Column::Status, Expr::value(MessageStatus::Draft))
        .filter(message::Column::Id.eq(found.id))
        .filter(message::Column::Status.eq(MessageStatus::Scheduled))
        .exec(db)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::conflict(
            "Only a scheduled message can go back to a draft.",
        ));
    }
    Ok(())
}

/// Starts every scheduled message whose time has come (the worker calls this).
pub async fn start_due_scheduled(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<usize> {
    let due = message::Entity::find()
        .filter(message::Column::Status.eq(MessageStatus::Scheduled))
        .filter(message::Column::SendAt.lte(now))
        .all(db)
        .await?;
    let mut started = 0;
    for found in due {
        let owner = match found.group_id {
            Some(id) => group_ref(db, id).await?,
            None => None,
        };
        let spec = AudienceSpec {
            kind: found.audience,
            scope: crate::consent::model::scope_of(found.group_id),
            group: owner,
            miles: found.audience_miles.unwrap_or(DEFAULT_AREA_MILES),
            channel: channel_of(&found),
        };
        match start_send(db, &found, &spec, MessageStatus::Scheduled, now).await {
            Ok(_) => started += 1,
            // Another node started it first.
            Err(AppError::Conflict { .. }) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(started)
}

#[derive(FromQueryResult)]
struct StatusCount {
    status: DeliveryStatus,
    n: i64,
}

/// How far the deliveries of message `message_id` have got.
pub async fn progress_of(db: &impl ConnectionTrait, message_id: i32) -> AppResult<SendProgress> {
    let rows = message_delivery::Entity::find()
        .select_only()
        .column(message_delivery::Column::Status)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(message_delivery::Column::MessageId.eq(message_id))
        .group_by(message_delivery::Column::Status)
        .into_model::<StatusCount>()
        .all(db)
        .await?;
    let mut progress = SendProgress {
        total: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
        left: 0,
    };
    for row in rows {
        progress.total += row.n;
        match row.status {
            DeliveryStatus::Sent | DeliveryStatus::Logged => progress.sent += row.n,
            DeliveryStatus::Failed => progress.failed += row.n,
            DeliveryStatus::Skipped => progress.skipped += row.n,
            DeliveryStatus::Pending | DeliveryStatus::Sending => progress.left += row.n,
        }
    }
    Ok(progress)
}

/// Drops every delivery of `message_id` still waiting to go (the outreach bench leaves
/// nothing for a server on its database to send).
pub async fn drop_pending_deliveries(db: &impl ConnectionTrait, message_id: i32) -> AppResult<u64> {
    Ok(message_delivery::Entity::delete_many()
        .filter(message_delivery::Column::MessageId.eq(message_id))
        .filter(message_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .exec(db)
        .await?
        .rows_affected)
}
