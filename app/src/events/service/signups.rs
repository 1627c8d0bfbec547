//! Signing up, the waitlist and cancelling. Every change to a slot's confirmed places
//! happens in one transaction with the guard in SQL, so a slot is never oversold.

mod consent_boxes;
mod contact;

use super::slot_fields::new_signup_in;
use crate::{
    consent::service::confirm_consent_link,
    db::{begin_write, is_unique_violation},
    error::{AppError, AppResult},
    events::{
        entity::{event, event_slot, signup},
        model::{event_path, map_link, EventStatus, SignUpStatus},
    },
    format::format_time_range,
    mail::{queue_templated, Template},
    tokens,
    validate::{EmailAddress, MobileUk, PersonName, PostcodeUk},
};
use chrono::Utc;
use consent_boxes::record_consents;
use contact::{contact_for_new_row, Contact};
use minijinja::context;
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// Who is signing up, validated.
#[derive(Debug, Clone)]
pub struct SignUpDetails {
    pub name: PersonName,
    pub email: EmailAddress,
    pub phone: Option<MobileUk>,
    pub postcode: Option<PostcodeUk>,
    /// Set when the person has an account under this email and is signed in.
    pub person_id: Option<i32>,
    /// Whether that account proved it owns the email. Only then is it trusted as the
    /// address's owner (see `owner`); until then it signs up like a guest.
    pub email_confirmed: bool,
    /// Whether `phone` is the number that account confirmed by a texted code.
    pub phone_confirmed: bool,
    pub consent_email: bool,
    pub consent_sms: bool,
    /// Phone calls from the party's phonebanks: only ever set for the signed-in owner of
    /// the address and of the number (there is no way to confirm a stranger's number for
    /// calls, as a YES reply does for texts).
    pub consent_calls: bool,
    /// Who shared the link they came through, already checked (see `referrals`).
    pub referrer_id: Option<i32>,
}

impl SignUpDetails {
    /// Validates a guest's form.
    pub fn parse(
        name: &str,
        email: &str,
        phone: &str,
        postcode: &str,
        consent_email: bool,
        consent_sms: bool,
    ) -> AppResult<Self> {
        let phone = MobileUk::parse_for_texts("phone", phone, consent_sms)?;
        Ok(Self {
            name: PersonName::parse("name", name)?,
            email: EmailAddress::parse("email", email)?,
            phone,
            postcode: PostcodeUk::parse_optional("postcode", postcode)?,
            person_id: None,
            email_confirmed: false,
            phone_confirmed: false,
            consent_email,
            consent_sms,
            consent_calls: false,
            referrer_id: None,
        })
    }

    /// The signed-in account trusted as the owner of the email: one that confirmed it.
    /// Anyone can open an account for any address, so an unconfirmed one is a guest here.
    pub fn owner(&self) -> Option<i32> {
        self.person_id.filter(|_| self.email_confirmed)
    }
}

/// What a sign-up came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignUpOutcome {
    pub event_id: i32,
    pub status: SignUpStatus,
}

/// Signs someone up to a slot: a confirmed place while there is one, else the waitlist.
/// Signing up again with the same email keeps the place. Only the signed-in owner of the
/// email (an account that confirmed it) changes the name, phone and postcode stored under
/// it (see `contact`); ticked consent boxes are recorded as `consent_boxes` says, unticked
/// ones not at all. An unconfirmed account's new sign-up is its own (it is linked to the
/// account), but it never takes over a row already under the email.
pub async fn sign_up<C>(
    db: &C,
    slot_id: i32,
    details: &SignUpDetails,
    public_url: &str,
) -> AppResult<SignUpOutcome>
where
    C: ConnectionTrait + TransactionTrait,
{
    match try_sign_up(db, slot_id, details, public_url).await {
        // Two sign-ups with one email raced; the loser's transaction rolled back and the
        // row now exists, so a second go updates it.
        Err(Retry) => try_sign_up(db, slot_id, details, public_url)
            .await
            .map_err(|_| AppError::Internal)?,
        Ok(result) => result,
    }
}

/// A unique-key race: run again.
struct Retry;

async fn try_sign_up<C>(
    db: &C,
    slot_id: i32,
    details: &SignUpDetails,
    public_url: &str,
) -> Result<AppResult<SignUpOutcome>, Retry>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = match begin_write(db).await {
        Ok(txn) => txn,
        Err(err) => return Ok(Err(err.into())),
    };
    let result = sign_up_in(&txn, slot_id, details, public_url).await;
    match result {
        Ok(outcome) => Ok(txn.commit().await.map(|_| outcome).map_err(AppError::from)),
        Err(SignUpError::App(err)) => Ok(Err(err)),
        Err(SignUpError::Duplicate) => Err(Retry),
    }
}

enum SignUpError {
    App(AppError),
    Duplicate,
}

impl From<AppError> for SignUpError {
    fn from(err: AppError) -> Self {
        SignUpError::App(err)
    }
}

impl From<sea_orm::DbErr> for SignUpError {
    fn from(err: sea_orm::DbErr) -> Self {
        if is_unique_violation(&err) {
            SignUpError::Duplicate
        } else {
            SignUpError::App(err.into())
        }
    }
}

async fn sign_up_in(
    txn: &impl ConnectionTrait,
    slot_id: i32,
    details: &SignUpDetails,
    public_url: &str,
) -> Result<SignUpOutcome, SignUpError> {
    let (slot, event) = event_slot::Entity::find_by_id(slot_id)
        .find_also_related(event::Entity)
        .one(txn)
        .await?
        .and_then(|(slot, event)| Some((slot, event?)))
        .ok_or(AppError::NotFound)?;
    match event.status {
        EventStatus::Published => {}
        EventStatus::Cancelled => {
            return Err(AppError::conflict("This event has been cancelled.").into())
        }
        // Waiting for approval, or refused: not open to sign-ups, and not shown.
        EventStatus::Pending | EventStatus::Rejected => return Err(AppError::NotFound.into()),
    }
    if slot.ends_at < Utc::now() {
        return Err(AppError::conflict("This event has already happened.").into());
    }
    let existing = signup::Entity::find()
        .filter(signup::Column::SlotId.eq(slot_id))
        .filter(signup::Column::Email.eq(details.email.as_str()))
        .one(txn)
        .await?;
    let now = Utc::now();
    let owner = details.owner().is_some();
    if let Some(row) = existing
        .as_ref()
        .filter(|r| r.status != SignUpStatus::Cancelled)
    {
        if owner {
            let mut active: signup::ActiveModel = row.clone().into();
            Contact::typed(details).set_on(&mut active);
            active.person_id = Set(details.person_id);
            active.updated_at = Set(now);
            active.update(txn).await?;
        }
        // Only a guest's ticked box needs the address to confirm: the link goes to it.
        if let Some(confirm) = record_consents(txn, details, event.id).await? {
            let values = context! {
                name => &row.name,
                title => &event.title,
                confirm_link => confirm_consent_link(public_url, &confirm),
            };
            queue_templated(txn, &row.email, Template::ConfirmConsent, values).await?;
        }
        // Only the owner learns where their place stands: to anyone else the answer is what
        // a new sign-up would get, so the form cannot tell who already has a place.
        let status = if owner {
            row.status
        } else if slot.capacity.is_none_or(|c| slot.confirmed_count < c) {
            SignUpStatus::Confirmed
        } else {
            SignUpStatus::Waitlisted
        };
        return Ok(SignUpOutcome {
            event_id: event.id,
            status,
        });
    }

    let status = if claim_place(txn, slot_id).await? {
        SignUpStatus::Confirmed
    } else {
        SignUpStatus::Waitlisted
    };
    let token = tokens::new_token();
    // A cancelled place taken again keeps its row's details; a new row takes those
    // already stored for the email, if any.
    let contact = match (&existing, owner) {
        (_, true) => Contact::typed(details),
        (Some(row), false) => Contact::of_row(row),
        (None, false) => contact_for_new_row(txn, details).await?,
    };
    let is_new_row = existing.is_none();
    let mut active = match existing {
        Some(row) => row.into(),
        None => signup::ActiveModel {
            email: Set(details.email.as_str().to_string()),
            referrer_id: Set(details.referrer_id),
            ..new_signup_in(&slot, now)
        },
    };
    contact.set_on(&mut active);
    // A row already under the email is the address's, not an unconfirmed account's.
    if owner || is_new_row {
        active.person_id = Set(details.person_id);
    }
    active.status = Set(status);
    active.cancel_token_hash = Set(tokens::hash_token(&token));
    active.updated_at = Set(now);
    active.save(txn).await?;
    let confirm = record_consents(txn, details, event.id).await?;

    let site = public_url.trim_end_matches('/');
    let cancel_link = format!("{site}/events/cancel/{token}");
    let confirmed = status == SignUpStatus::Confirmed;
    let values = context! {
        name => &contact.name,
        confirmed,
        title => &event.title,
        when => format_time_range(slot.starts_at, slot.ends_at),
        event_url => format!("{site}{}", event_path(event.id, &event.slug)),
        venue => &event.venue,
        postcode => &event.postcode,
        map_url => map_link(event.postcode.as_deref(), event.online_url.is_some()),
        calendar_url => format!("{site}/events/{}/calendar.ics", event.id),
        // The joining link goes only to people with a place.
        online_url => event.online_url.as_ref().filter(|_| confirmed),
        cancel_link,
        confirm_link => confirm.map(|token| confirm_consent_link(public_url, &token)),
    };
    queue_templated(txn, details.email.as_str(), Template::SignUp, values).await?;
    Ok(SignUpOutcome {
        event_id: event.id,
        status,
    })
}

/// Takes one confirmed place if the slot has one left: the check and the take are one
/// UPDATE, so concurrent sign-ups cannot both take the last place.
pub(super) async fn claim_place(txn: &impl ConnectionTrait, slot_id: i32) -> AppResult<bool> {
    let claimed = event_slot::Entity::update_many()
        .col_expr(
            event_slot::Column::ConfirmedCount,
            Expr::col(event_slot::Column::ConfirmedCount).add(1),
        )
        .filter(event_slot::Column::Id.eq(slot_id))
        .filter(
            Condition::any()
                .add(event_slot::Column::Capacity.is_null())
                .add(
                    Expr::col(event_slot::Column::ConfirmedCount)
                        .lt(Expr::col(event_slot::Column::Capacity)),
                ),
        )
        .exec(txn)
        .await?;
    Ok(claimed.rows_affected == 1)
}
