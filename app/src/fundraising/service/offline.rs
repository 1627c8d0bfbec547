//! Gifts by cheque or bank transfer, recorded by the treasurer: counted as paid at once
//! (on the thermometer too), put in the permissibility queue when the law asks, logged.

use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    fundraising::{
        entity::{donation, fund_page, payment},
        model::{format_pounds, law, parse_pounds, CheckState, Frequency, Status},
        service::{
            treasurer::{log, Keeper},
            webhooks::year_total,
        },
    },
    validate::{EmailAddress, PersonName, PostcodeUk},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionSession, TransactionTrait,
};

/// The reference prefix of gifts the treasurer records by hand.
pub const OFFLINE_PREFIX: &str = "offline:";

/// A cheque or transfer the treasurer records.
#[derive(Debug, Clone)]
pub struct OfflineGift<'a> {
    pub page_id: i32,
    pub donor_name: &'a str,
    pub donor_email: &'a str,
    pub donor_address: &'a str,
    pub donor_postcode: &'a str,
    pub amount: &'a str,
    pub note: &'a str,
}

/// Records an offline gift as paid (it counts on the thermometer, and joins the queue
/// when the law asks). Returns the page whose total changed.
pub async fn record_offline<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    keeper: &Keeper,
    gift: &OfflineGift<'_>,
) -> AppResult<i32> {
    let page = fund_page::Entity::find_by_id(gift.page_id)
        .one(db)
        .await?
        .filter(|p| keeper.keeps(p.group_id))
        .ok_or_else(|| AppError::invalid("page_id", "Choose one of your donation pages."))?;
    let pence = parse_pounds(gift.amount)
        .filter(|p| *p >= 1)
        .ok_or_else(|| {
            AppError::invalid(
                "amount",
                "Give the amount in pounds, such as 250 or 250.50.",
            )
        })?;
    let name = PersonName::parse("donor_name", gift.donor_name)?;
    let email = EmailAddress::parse("donor_email", gift.donor_email)?;
    let postcode = PostcodeUk::parse("donor_postcode", gift.donor_postcode)?;
    let address = gift.donor_address.trim();
    if address.is_empty() || address.chars().count() > 300 {
        return Err(AppError::invalid(
            "donor_address",
            "Give the donor's home address.",
        ));
    }
    let note = gift.note.trim();
    if note.is_empty() || note.chars().count() > 300 {
        return Err(AppError::invalid(
            "note",
            "Say how it came (cheque number, transfer reference).",
        ));
    }
    let now = Utc::now();
    let email = email.as_str().to_lowercase();
    let txn = begin_write(db).await?;
    let before = year_total(&txn, &email, page.group_id, now).await?;
    let waits = law::needs_check(pence, before + pence);
    let row = donation::ActiveModel {
        page_id: Set(page.id),
        group_id: Set(page.group_id),
        frequency: Set(Frequency::OneOff.as_str().to_string()),
        amount_pence: Set(pence),
        donor_name: Set(name.as_str().to_string()),
        donor_email: Set(email),
        donor_address: Set(address.to_string()),
        donor_postcode: Set(postcode.as_str().to_string()),
        permissible_confirmed: Set(false),
        status: Set(Status::Paid.as_str().to_string()),
        check_state: Set(if waits {
            CheckState::Waiting
        } else {
            CheckState::NotNeeded
        }
        .as_str()
        .to_string()),
        check_started_at: Set(waits.then_some(now)),
        reminders_sent: Set(0),
        offline_note: Set(Some(note.to_string())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    payment::ActiveModel {
        donation_id: Set(row.id),
        page_id: Set(page.id),
        provider_ref: Set(format!("{OFFLINE_PREFIX}{}", row.id)),
        amount_pence: Set(pence),
        refunded_pence: Set(0),
        paid_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let detail = format!("gift {}: {} ({note})", row.id, format_pounds(pence));
    log(
        &txn,
        keeper.person().id,
        page.group_id,
        "offline gift recorded",
        &detail,
    )
    .await?;
    txn.commit().await?;
    Ok(page.id)
}
