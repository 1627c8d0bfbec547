//! Applying the provider's events, each exactly once: the event's id is inserted in the
//! same transaction as its effect, under a unique index, so a replayed or repeated event
//! (or the same event met again while catching up on start) changes nothing. A payment
//! is also unique by the provider's reference, so two events reporting one payment
//! count it once. Money is counted only when the provider says it is paid.

use crate::{
    db::begin_write,
    error::AppResult,
    fundraising::{
        entity::{donation, fund_page, payment, webhook_event},
        model::{law, CheckState, Frequency, Status},
        service::events::{Meaning, ProviderEvent},
    },
    mail::{queue_templated, Template},
    tokens,
};
use chrono::{DateTime, Datelike, TimeZone, Utc};
use minijinja::context;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};

/// The path of a monthly donor's emailed link; the token follows.
pub const MANAGE_PATH: &str = "/donate/manage/";

/// What applying an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// False when the event had been applied before (nothing changed now).
    pub fresh: bool,
    /// The donation page whose total changed, if one did.
    pub page_changed: Option<i32>,
}

/// Applies `event` once, at `now`.
pub async fn apply_event<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    event: &ProviderEvent,
    public_url: &str,
    now: DateTime<Utc>,
) -> AppResult<Applied> {
    let txn = begin_write(db).await?;
    let first_time = webhook_event::Entity::insert(webhook_event::ActiveModel {
        event_id: Set(event.id.clone()),
        kind: Set(event.kind.clone()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(webhook_event::Column::EventId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await;
    match first_time {
        Ok(0) | Err(DbErr::RecordNotInserted) => {
            return Ok(Applied {
                fresh: false,
                page_changed: None,
            })
        }
        Ok(_) => {}
        Err(err) => return Err(err.into()),
    }
    // A payment is dated when the provider says it happened.
    let now = event
        .created
        .and_then(|at| DateTime::from_timestamp(at, 0))
        .unwrap_or(now);
    let page_changed = match &event.meaning {
        Meaning::CheckoutDone {
            donation_id,
            session,
            paid_ref,
            amount,
            subscription,
        } => {
            // Only the checkout we opened for the gift speaks for it.
            let Some(gift) = gift_of_checkout(&txn, *donation_id, session).await? else {
                return finish(txn, None).await;
            };
            let mut gift = gift;
            if let Some(sub) = subscription {
                gift = set_fields(&txn, gift, |row| {
                    row.subscription_ref = Set(Some(sub.clone()));
                })
                .await?;
            }
            match paid_ref {
                Some(reference) => {
                    record_payment(&txn, gift, reference, *amount, public_url, now).await?
                }
                None if gift.frequency == Frequency::OneOff.as_str()
                    && gift.status == Status::Pending.as_str() =>
                {
                    set_status(&txn, gift, Status::Processing).await?;
                    None
                }
                None => None,
            }
        }
        Meaning::AsyncPaid {
            donation_id,
            session,
            payment_ref,
            amount,
        } => match gift_of_checkout(&txn, *donation_id, session).await? {
            Some(gift) => record_payment(&txn, gift, payment_ref, *amount, public_url, now).await?,
            None => None,
        },
        Meaning::InvoicePaid {
            donation_id,
            payment_ref,
            amount,
            subscription,
        } => match donation::Entity::find_by_id(*donation_id)
            .one(&txn)
            .await?
            .filter(|g| g.frequency == Frequency::Monthly.as_str())
            // Once a gift knows its subscription, only that subscription speaks for it.
            .filter(|g| {
                g.subscription_ref
                    .as_ref()
                    .is_none_or(|s| s == subscription)
            }) {
            Some(gift) => {
                let gift = set_fields(&txn, gift, |row| {
                    row.subscription_ref = Set(Some(subscription.clone()));
                })
                .await?;
                record_payment(&txn, gift, payment_ref, *amount, public_url, now).await?
            }
            None => None,
        },
        Meaning::AsyncFailed { donation_id } | Meaning::InvoiceFailed { donation_id } => {
            if let Some(gift) = donation::Entity::find_by_id(*donation_id).one(&txn).await? {
                if !matches!(
                    Status::parse(&gift.status),
                    Some(Status::Cancelled | Status::Returned | Status::Paid)
                ) {
                    set_status(&txn, gift, Status::Failed).await?;
                }
            }
            None
        }
        Meaning::Refunded {
            payment_ref,
            refunded,
        } => {
            let paid = payment::Entity::find()
                .filter(payment::Column::ProviderRef.eq(payment_ref.as_str()))
                .one(&txn)
                .await?;
            match paid {
                // A running total: the larger of what we have and what it says.
                Some(paid) if *refunded > paid.refunded_pence => {
                    let (page, capped) = (paid.page_id, (*refunded).min(paid.amount_pence));
                    let mut row = paid.into_active_model();
                    row.refunded_pence = Set(capped);
                    row.update(&txn).await?;
                    Some(page)
                }
                Some(_) => None,
                // A refund of a payment not counted yet (its event is late or being
                // retried): not applied now, so the provider sends it again (nothing of
                // this transaction, its event's row included, is kept).
                None => {
                    return Err(crate::error::AppError::conflict(
                        "A refund came before its payment; it will be applied when the provider sends it again.",
                    ))
                }
            }
        }
        Meaning::SubscriptionEnded { subscription } => {
            donation::Entity::update_many()
                .col_expr(
                    donation::Column::Status,
                    Expr::value(Status::Cancelled.as_str()),
                )
                .filter(donation::Column::SubscriptionRef.eq(subscription.as_str()))
                .filter(donation::Column::Status.ne(Status::Returned.as_str()))
                .exec(&txn)
                .await?;
            None
        }
        Meaning::Ignored => None,
    };
    finish(txn, page_changed).await
}

/// The gift `donation_id`, if `session` is the checkout opened for it.
async fn gift_of_checkout(
    db: &impl ConnectionTrait,
    donation_id: i32,
    session: &str,
) -> AppResult<Option<donation::Model>> {
    Ok(donation::Entity::find_by_id(donation_id)
        .one(db)
        .await?
        .filter(|g| g.checkout_ref.as_deref() == Some(session)))
}

async fn finish(
    txn: impl sea_orm::TransactionSession,
    page_changed: Option<i32>,
) -> AppResult<Applied> {
    txn.commit().await?;
    Ok(Applied {
        fresh: true,
        page_changed,
    })
}

async fn set_fields(
    db: &impl ConnectionTrait,
    gift: donation::Model,
    change: impl FnOnce(&mut donation::ActiveModel),
) -> AppResult<donation::Model> {
    let mut row = gift.into_active_model();
    change(&mut row);
    Ok(row.update(db).await?)
}

async fn set_status(
    db: &impl ConnectionTrait,
    gift: donation::Model,
    status: Status,
) -> AppResult<donation::Model> {
    set_fields(db, gift, |row| {
        row.status = Set(status.as_str().to_string())
    })
    .await
}

/// Counts one payment of `gift` (once: the reference is unique), sends the receipt with
/// the first, and puts the gift in the permissibility queue when the law asks.
async fn record_payment(
    db: &impl ConnectionTrait,
    gift: donation::Model,
    reference: &str,
    amount: i64,
    public_url: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<i32>> {
    let inserted = payment::Entity::insert(payment::ActiveModel {
        donation_id: Set(gift.id),
        page_id: Set(gift.page_id),
        provider_ref: Set(reference.to_string()),
        amount_pence: Set(amount),
        refunded_pence: Set(0),
        paid_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(payment::Column::ProviderRef)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await;
    match inserted {
        Ok(0) | Err(DbErr::RecordNotInserted) => return Ok(None),
        Ok(_) => {}
        Err(err) => return Err(err.into()),
    }
    let monthly = gift.frequency == Frequency::Monthly.as_str();
    let first = payment::Entity::find()
        .filter(payment::Column::DonationId.eq(gift.id))
        .count(db)
        .await?
        == 1;
    let page_id = gift.page_id;
    let status = if monthly {
        Status::Active
    } else {
        Status::Paid
    };
    let year_total = year_total(db, &gift.donor_email, gift.group_id, now).await?;
    let needs_check = gift.check_state == CheckState::NotNeeded.as_str()
        && law::needs_check(amount.max(gift.amount_pence), year_total);
    let manage_token = (first && monthly).then(tokens::new_token);
    let receipt_to = gift.donor_email.clone();
    let name = gift.donor_name.clone();
    let id = gift.id;
    // Each change is conditional on the row as it is now, not as read above: a return or
    // a stop that commits in between is never overwritten.
    donation::Entity::update_many()
        .col_expr(donation::Column::Status, Expr::value(status.as_str()))
        .filter(donation::Column::Id.eq(id))
        .filter(
            donation::Column::Status
                .is_not_in([Status::Cancelled.as_str(), Status::Returned.as_str()]),
        )
        .exec(db)
        .await?;
    if needs_check {
        donation::Entity::update_many()
            .col_expr(
                donation::Column::CheckState,
                Expr::value(CheckState::Waiting.as_str()),
            )
            .col_expr(donation::Column::CheckStartedAt, Expr::value(now))
            .filter(donation::Column::Id.eq(id))
            .filter(donation::Column::CheckState.eq(CheckState::NotNeeded.as_str()))
            .exec(db)
            .await?;
    }
    if let Some(token) = &manage_token {
        donation::Entity::update_many()
            .col_expr(
                donation::Column::ManageTokenHash,
                Expr::value(tokens::hash_token(token)),
            )
            .filter(donation::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    if first {
        let title = fund_page::Entity::find_by_id(page_id)
            .select_only()
            .column(fund_page::Column::Title)
            .into_tuple::<String>()
            .one(db)
            .await?
            .unwrap_or_default();
        let base = public_url.trim_end_matches('/');
        let values = context! {
            name,
            title,
            amount => crate::fundraising::model::format_pounds(amount),
            monthly,
            when => crate::format::format_when(now),
            manage_link => manage_token.map(|t| format!("{base}{MANAGE_PATH}{t}")),
        };
        queue_templated(db, &receipt_to, Template::DonationReceipt, values).await?;
    }
    Ok(Some(page_id))
}

/// What a donor has given one recipient (a group, or the central party) in `now`'s
/// calendar year, net of refunds.
pub async fn year_total(
    db: &impl ConnectionTrait,
    email: &str,
    group_id: Option<i32>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let start = Utc
        .with_ymd_and_hms(now.year(), 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    let gifts: Vec<i32> = donation::Entity::find()
        .select_only()
        .column(donation::Column::Id)
        .filter(donation::Column::DonorEmail.eq(email))
        .filter(match group_id {
            Some(id) => donation::Column::GroupId.eq(id),
            None => donation::Column::GroupId.is_null(),
        })
        .into_tuple()
        .all(db)
        .await?;
    if gifts.is_empty() {
        return Ok(0);
    }
    let total: Option<i64> = payment::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(amount_pence - refunded_pence), 0) AS BIGINT)"),
            "total",
        )
        .filter(payment::Column::DonationId.is_in(gifts))
        .filter(payment::Column::PaidAt.gte(start))
        .into_tuple()
        .one(db)
        .await?;
    Ok(total.unwrap_or(0))
}
