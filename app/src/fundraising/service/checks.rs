//! The permissibility queue: gifts over £500, or taking a donor's year over £500, wait
//! for the treasurer to check the donor (the register checked and a reference), then to
//! accept or return them (a return refunds every payment through the provider). The
//! 30-day clock reminds the treasurers on day 20 and day 27. Every step is logged with
//! who and when.

use crate::{
    auth::{
        model::Role,
        service::{directory::emails_of, roles::holders_of},
    },
    db::begin_write,
    error::{AppError, AppResult},
    fundraising::{
        entity::{donation, payment, treasurer},
        model::{books::QueueRow, law, CheckState, Frequency, Status},
        service::{
            offline::OFFLINE_PREFIX,
            provider::PaymentProvider,
            treasurer::{log, rows, Keeper},
        },
    },
    mail::{queue_templated, Template},
};
use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, TransactionSession, TransactionTrait,
};

/// The gifts waiting for a check in `keeper`'s books, oldest first, with their clocks.
pub async fn queue(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    now: DateTime<Utc>,
) -> AppResult<Vec<QueueRow>> {
    let waiting = donation::Entity::find()
        .filter(donation::Column::CheckState.eq(CheckState::Waiting.as_str()))
        .order_by_asc(donation::Column::CheckStartedAt)
        .all(db)
        .await?
        .into_iter()
        .filter(|g| keeper.keeps(g.group_id))
        .collect::<Vec<_>>();
    let clocks: Vec<(DateTime<Utc>, bool)> = waiting
        .iter()
        .map(|g| {
            (
                g.check_started_at.unwrap_or(g.created_at),
                g.permissible_confirmed,
            )
        })
        .collect();
    Ok(rows(db, waiting)
        .await?
        .into_iter()
        .zip(clocks)
        .map(|(donation, (started, confirmed))| QueueRow {
            donation,
            day: law::clock_day(started, now),
            deadline: law::check_deadline(started)
                .format("%a %-d %b %Y")
                .to_string(),
            donor_confirmed: confirmed,
        })
        .collect())
}

/// The check as the treasurer records it.
#[derive(Debug, Clone)]
pub struct CheckRecord {
    pub register: String,
    pub reference: String,
}

impl CheckRecord {
    pub fn parse(register: &str, reference: &str) -> AppResult<Self> {
        let bounded = |field: &str, text: &str, what: &str| -> AppResult<String> {
            let text = text.trim();
            if text.is_empty() || text.chars().count() > 200 {
                return Err(AppError::invalid(
                    field,
                    format!("Say {what} (up to 200 characters)."),
                ));
            }
            Ok(text.to_string())
        };
        Ok(Self {
            register: bounded("register", register, "which register you checked")?,
            reference: bounded("reference", reference, "your reference for the check")?,
        })
    }
}

async fn waiting_gift(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    donation_id: i32,
) -> AppResult<donation::Model> {
    let gift = donation::Entity::find_by_id(donation_id)
        .one(db)
        .await?
        .filter(|g| keeper.keeps(g.group_id))
        .ok_or(AppError::NotFound)?;
    if gift.check_state != CheckState::Waiting.as_str() {
        return Err(AppError::conflict("This gift has already been checked."));
    }
    Ok(gift)
}

/// Closes the check on a waiting gift, conditionally: two treasurers deciding at once
/// leave one decision.
async fn decide(
    db: &impl ConnectionTrait,
    keeper: &Keeper,
    gift: &donation::Model,
    record: &CheckRecord,
    state: CheckState,
) -> AppResult<()> {
    let mut update = donation::Entity::update_many()
        .col_expr(donation::Column::CheckState, Expr::value(state.as_str()))
        .col_expr(
            donation::Column::CheckRegister,
            Expr::value(record.register.clone()),
        )
        .col_expr(
            donation::Column::CheckReference,
            Expr::value(record.reference.clone()),
        )
        .col_expr(donation::Column::CheckedBy, Expr::value(keeper.person().id))
        .col_expr(donation::Column::CheckedAt, Expr::value(Utc::now()));
    if state == CheckState::Returned {
        update = update.col_expr(
            donation::Column::Status,
            Expr::value(Status::Returned.as_str()),
        );
    }
    let done = update
        .filter(donation::Column::Id.eq(gift.id))
        .filter(donation::Column::CheckState.eq(CheckState::Waiting.as_str()))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::conflict("This gift has already been checked."));
    }
    let detail = format!(
        "gift {}: register “{}”, reference “{}”",
        gift.id, record.register, record.reference
    );
    let action = match state {
        CheckState::Returned => "returned",
        _ => "accepted",
    };
    log(db, keeper.person().id, gift.group_id, action, &detail).await
}

/// Records the check and accepts the gift.
pub async fn accept<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    keeper: &Keeper,
    donation_id: i32,
    record: &CheckRecord,
) -> AppResult<()> {
    let txn = begin_write(db).await?;
    let gift = waiting_gift(&txn, keeper, donation_id).await?;
    decide(&txn, keeper, &gift, record, CheckState::Accepted).await?;
    txn.commit().await?;
    Ok(())
}

/// Records the check and returns the gift: every payment is refunded through the
/// provider (a monthly gift is stopped first); the provider's refund webhooks then take
/// the money off the thermometer. Returns the donation page whose total changes.
pub async fn return_gift<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    provider: Option<&dyn PaymentProvider>,
    keeper: &Keeper,
    donation_id: i32,
    record: &CheckRecord,
) -> AppResult<i32> {
    let gift = waiting_gift(db, keeper, donation_id).await?;
    let payments = payment::Entity::find()
        .filter(payment::Column::DonationId.eq(gift.id))
        .all(db)
        .await?;
    let online: Vec<&payment::Model> = payments
        .iter()
        .filter(|p| {
            !p.provider_ref.starts_with(OFFLINE_PREFIX) && p.refunded_pence < p.amount_pence
        })
        .collect();
    if !online.is_empty() || gift.subscription_ref.is_some() {
        let provider = provider.ok_or_else(|| {
            AppError::conflict(
                "No payment provider is connected, so the refund cannot be made here.",
            )
        })?;
        if let (Some(sub), true) = (
            &gift.subscription_ref,
            gift.frequency == Frequency::Monthly.as_str(),
        ) {
            provider.cancel_monthly(sub).await?;
        }
        for paid in &online {
            provider.refund(&paid.provider_ref).await?;
        }
    }
    let txn = begin_write(db).await?;
    decide(&txn, keeper, &gift, record, CheckState::Returned).await?;
    // Money returned by hand (a cheque sent back) comes off the total here.
    payment::Entity::update_many()
        .col_expr(
            payment::Column::RefundedPence,
            Expr::col(payment::Column::AmountPence),
        )
        .filter(payment::Column::DonationId.eq(gift.id))
        .filter(payment::Column::ProviderRef.starts_with(OFFLINE_PREFIX))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(gift.page_id)
}

/// Emails the treasurers about gifts whose clock reached day 20 or day 27 unchecked
/// (once each: the count of reminders sent moves conditionally). Returns how many gifts
/// were reminded about.
pub async fn send_reminders<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    now: DateTime<Utc>,
    public_url: &str,
) -> AppResult<usize> {
    let waiting = donation::Entity::find()
        .filter(donation::Column::CheckState.eq(CheckState::Waiting.as_str()))
        .all(db)
        .await?;
    let mut reminded = 0;
    for gift in waiting {
        let started = gift.check_started_at.unwrap_or(gift.created_at);
        let Some(day) = law::reminder_due(started, now, gift.reminders_sent) else {
            continue;
        };
        let txn = begin_write(db).await?;
        let moved = donation::Entity::update_many()
            .col_expr(
                donation::Column::RemindersSent,
                Expr::value(
                    law::REMINDER_DAYS
                        .iter()
                        .position(|d| *d == day)
                        .unwrap_or(0) as i32
                        + 1,
                ),
            )
            .filter(donation::Column::Id.eq(gift.id))
            .filter(donation::Column::RemindersSent.eq(gift.reminders_sent))
            .exec(&txn)
            .await?;
        if moved.rows_affected == 1 {
            let values = context! {
                day, count => 1, link => format!("{}/treasurer", public_url.trim_end_matches('/')),
            };
            for to in treasurers_of(&txn, gift.group_id).await? {
                queue_templated(&txn, &to, Template::CheckReminder, values.clone()).await?;
            }
            reminded += 1;
        }
        txn.commit().await?;
    }
    Ok(reminded)
}

/// Who keeps the books for gifts to `group_id`: its named treasurer, or staff for the
/// central party (and for a group without one).
async fn treasurers_of(db: &impl ConnectionTrait, group_id: Option<i32>) -> AppResult<Vec<String>> {
    if let Some(id) = group_id {
        let named = treasurer::Entity::find()
            .select_only()
            .column(treasurer::Column::AccountId)
            .filter(treasurer::Column::GroupId.eq(id))
            .into_query();
        let emails = emails_of(db, named).await?;
        if !emails.is_empty() {
            return Ok(emails);
        }
    }
    emails_of(db, holders_of(Role::Staff)).await
}
