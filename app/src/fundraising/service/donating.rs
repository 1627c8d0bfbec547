//! A donor's form: the gift and their details, checked field by field, kept as a pending
//! gift (with any fundraising-emails consent asked for in the ledger), then sent to the
//! provider's hosted checkout. Nothing is counted until the provider says it is paid.

use crate::{
    consent::{
        model::scope_of,
        service::{confirm_consent_link, request_consent, Channel, ConsentChoice},
    },
    db::begin_write,
    error::{AppError, AppResult},
    fundraising::{
        entity::donation,
        model::{
            format_pounds, law, parse_pounds, CheckState, Frequency, Status,
            FUNDRAISING_EMAIL_WORDING,
        },
        service::{
            pages::DonationPage,
            provider::{CheckoutRequest, PaymentProvider},
            webhooks::year_total,
        },
    },
    mail::{queue_templated, Template},
    places::service::lookup::locate_postcode,
    ui::plain_form::{posted, Fields},
    validate::{EmailAddress, PersonName, PostcodeUk},
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// The smallest gift.
pub const MIN_PENCE: i64 = 100;

/// A gift and its donor, checked.
#[derive(Debug, Clone)]
pub struct DonorDetails {
    pub amount_pence: i64,
    pub frequency: Frequency,
    pub name: PersonName,
    pub email: EmailAddress,
    pub address: String,
    pub postcode: PostcodeUk,
    pub permissible: bool,
    pub fundraising_emails: bool,
}

impl DonorDetails {
    /// Checks the form against `page`'s limits; each error names its field.
    pub fn parse(form: &Fields, page: &DonationPage) -> AppResult<Self> {
        let chosen = posted(form, "amount");
        let amount_pence = match chosen {
            "" | "other" => parse_pounds(posted(form, "other_amount")),
            pence => pence.parse::<i64>().ok(),
        }
        .ok_or_else(|| AppError::invalid("amount", "Choose an amount, or type one in pounds."))?;
        if amount_pence < MIN_PENCE || amount_pence > page.max_pence {
            return Err(AppError::invalid(
                "amount",
                format!(
                    "Give between {} and {}.",
                    format_pounds(MIN_PENCE),
                    format_pounds(page.max_pence)
                ),
            ));
        }
        let frequency = Frequency::parse(posted(form, "frequency"))
            .ok_or_else(|| AppError::invalid("frequency", "Choose once or monthly."))?;
        let address = posted(form, "address").trim();
        if address.is_empty() {
            return Err(AppError::invalid("address", "Give your home address."));
        }
        if address.chars().count() > 300 {
            return Err(AppError::invalid(
                "address",
                "Keep the address under 300 characters.",
            ));
        }
        Ok(Self {
            amount_pence,
            frequency,
            name: PersonName::parse("name", posted(form, "name"))?,
            email: EmailAddress::parse("email", posted(form, "email"))?,
            address: address.to_string(),
            postcode: PostcodeUk::parse("postcode", posted(form, "postcode"))?,
            permissible: form.contains_key("permissible"),
            fundraising_emails: form.contains_key("fundraising_emails"),
        })
    }
}

/// Keeps the gift as pending and opens the provider's checkout for it; returns the
/// checkout's address to send the donor to.
pub async fn start_donation<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    provider: &dyn PaymentProvider,
    page: &DonationPage,
    details: &DonorDetails,
    public_url: &str,
) -> AppResult<String> {
    let gift = keep_pending(db, page, details, public_url).await?;
    let base = public_url.trim_end_matches('/');
    let success = format!("{base}/donate/{}/thanks", page.slug);
    let cancel = format!("{base}/donate/{}", page.slug);
    let description = format!("Donation: {}", page.title);
    let checkout = provider
        .create_checkout(&CheckoutRequest {
            donation_id: gift.id,
            frequency: details.frequency,
            amount_pence: details.amount_pence,
            description: &description,
            email: &gift.donor_email,
            success_url: &success,
            cancel_url: &cancel,
        })
        .await?;
    attach_checkout(db, gift.id, &checkout.id).await?;
    Ok(checkout.url)
}

/// Notes the checkout opened for gift `donation_id`: only its events speak for the gift.
pub async fn attach_checkout(
    db: &impl ConnectionTrait,
    donation_id: i32,
    checkout_id: &str,
) -> AppResult<()> {
    donation::Entity::update_many()
        .col_expr(donation::Column::CheckoutRef, Expr::value(checkout_id))
        .filter(donation::Column::Id.eq(donation_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Keeps the gift as pending (nothing counted), with any fundraising-emails consent
/// asked for, in one transaction. Refuses a gift that takes the donor's year past £500
/// without the permissible-donor box.
pub async fn keep_pending<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    page: &DonationPage,
    details: &DonorDetails,
    public_url: &str,
) -> AppResult<donation::Model> {
    // The postcode is looked up: a home address must be a real place.
    if locate_postcode(db, &details.postcode).await?.is_none() {
        return Err(AppError::invalid(
            "postcode",
            format!(
                "We don't know the postcode {}. Check it.",
                details.postcode.as_str()
            ),
        ));
    }
    let email = details.email.as_str().to_lowercase();
    let now = Utc::now();
    let given = year_total(db, &email, page.group_id, now).await?;
    if law::needs_check(details.amount_pence, given + details.amount_pence) && !details.permissible
    {
        return Err(AppError::invalid(
            "permissible",
            "Gifts over £500 in a year can only come from permissible donors: tick the box to confirm you are one.",
        ));
    }
    let txn = begin_write(db).await?;
    let gift = donation::ActiveModel {
        page_id: Set(page.id),
        group_id: Set(page.group_id),
        frequency: Set(details.frequency.as_str().to_string()),
        amount_pence: Set(details.amount_pence),
        donor_name: Set(details.name.as_str().to_string()),
        donor_email: Set(email.clone()),
        donor_address: Set(details.address.clone()),
        donor_postcode: Set(details.postcode.as_str().to_string()),
        permissible_confirmed: Set(details.permissible),
        status: Set(Status::Pending.as_str().to_string()),
        check_state: Set(CheckState::NotNeeded.as_str().to_string()),
        reminders_sent: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if details.fundraising_emails {
        let source = format!("donation:{}", page.id);
        let choice = ConsentChoice {
            email: &email,
            person_id: None,
            channel: Channel::Email,
            scope: scope_of(page.group_id),
            granted: true,
            wording: FUNDRAISING_EMAIL_WORDING,
            source: &source,
            phone: None,
        };
        if let Some(token) = request_consent(&txn, choice).await? {
            let values = context! {
                name => details.name.as_str(),
                title => &page.title,
                confirm_link => confirm_consent_link(public_url, &token),
            };
            queue_templated(&txn, &email, Template::FundraisingConfirm, values).await?;
        }
    }
    txn.commit().await?;
    Ok(gift)
}
