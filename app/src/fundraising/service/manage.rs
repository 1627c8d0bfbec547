//! A monthly donor's emailed link: see the gift, change its amount, or stop it, without
//! signing in. The link is the only key (a random token; only its hash is stored), and
//! the provider makes the change; its webhook then updates the gift's state.

use crate::{
    error::{AppError, AppResult},
    fundraising::{
        entity::{donation, fund_page},
        model::{format_pounds, parse_pounds, Frequency, Status},
        service::{donating::MIN_PENCE, provider::PaymentProvider},
    },
    tokens::hash_token,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};

/// The monthly gift a link is for, as its donor sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthlyGift {
    pub donation_id: i32,
    pub page_title: String,
    pub amount_pence: i64,
    pub max_pence: i64,
    pub status: Status,
}

async fn gift_for(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<(donation::Model, fund_page::Model)> {
    let gift = donation::Entity::find()
        .filter(donation::Column::ManageTokenHash.eq(hash_token(token)))
        .filter(donation::Column::Frequency.eq(Frequency::Monthly.as_str()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let page = fund_page::Entity::find_by_id(gift.page_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((gift, page))
}

/// The gift the link `token` manages.
pub async fn monthly_gift(db: &impl ConnectionTrait, token: &str) -> AppResult<MonthlyGift> {
    let (gift, page) = gift_for(db, token).await?;
    Ok(MonthlyGift {
        donation_id: gift.id,
        page_title: page.title,
        amount_pence: gift.amount_pence,
        max_pence: page.max_pence,
        status: Status::parse(&gift.status).unwrap_or(Status::Active),
    })
}

fn still_running(gift: &donation::Model) -> AppResult<&str> {
    match (
        Status::parse(&gift.status),
        gift.subscription_ref.as_deref(),
    ) {
        (Some(Status::Active | Status::Failed), Some(subscription)) => Ok(subscription),
        _ => Err(AppError::conflict("This monthly gift has already stopped.")),
    }
}

/// Changes the monthly amount (typed in pounds); returns the new amount in words.
pub async fn change_amount(
    db: &impl ConnectionTrait,
    provider: &dyn PaymentProvider,
    token: &str,
    typed: &str,
) -> AppResult<String> {
    let (gift, page) = gift_for(db, token).await?;
    let subscription = still_running(&gift)?.to_string();
    let pence = parse_pounds(typed)
        .filter(|p| (MIN_PENCE..=page.max_pence).contains(p))
        .ok_or_else(|| {
            AppError::invalid(
                "amount",
                format!(
                    "Give between {} and {} a month.",
                    format_pounds(MIN_PENCE),
                    format_pounds(page.max_pence)
                ),
            )
        })?;
    provider.change_monthly(&subscription, pence).await?;
    let mut row = gift.into_active_model();
    row.amount_pence = Set(pence);
    row.update(db).await?;
    Ok(format_pounds(pence))
}

/// Stops the monthly gift at the provider and marks it stopped.
pub async fn cancel(
    db: &impl ConnectionTrait,
    provider: &dyn PaymentProvider,
    token: &str,
) -> AppResult<()> {
    let (gift, _) = gift_for(db, token).await?;
    let subscription = still_running(&gift)?.to_string();
    provider.cancel_monthly(&subscription).await?;
    let mut row = gift.into_active_model();
    row.status = Set(Status::Cancelled.as_str().to_string());
    row.update(db).await?;
    Ok(())
}
