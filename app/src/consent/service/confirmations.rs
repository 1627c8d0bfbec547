//! Double opt-in. Anyone can type any address into a public form, so a ticked box there
//! is only a request: the ledger keeps it (source "<where>:requested-unconfirmed") but the
//! choice in force does not change. For email, the address confirms with a single-use
//! link; the ledger then gets a second row ("<where>:confirmed-by-link") and the choice is
//! put in force. A mobile number confirms by replying YES to the text it is sent (see
//! `reply_confirmations`).

use super::{
    append_to_ledger, record_consent, reply_confirmations::ask_number_to_confirm, ConsentChoice,
};
use crate::consent::entity::confirmation as request;
use crate::{
    consent::model::{mask_email, Channel},
    db::begin_write,
    error::{AppError, AppResult},
    tokens,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// The source suffix of a ledger row for consent asked for and not yet confirmed.
pub const REQUESTED_UNCONFIRMED: &str = "requested-unconfirmed";
/// The source suffix of a ledger row for consent the address confirmed with the link.
pub const CONFIRMED_BY_LINK: &str = "confirmed-by-link";
/// The page a confirmation link opens; the token follows.
pub const CONFIRM_CONSENT_PATH: &str = "/consent/confirm/";
/// How long a confirmation link works.
const CONFIRM_LINK_DAYS: i64 = 30;

/// The address of the page that confirms the request `token` is for.
pub fn confirm_consent_link(public_url: &str, token: &str) -> String {
    format!(
        "{}{CONFIRM_CONSENT_PATH}{token}",
        public_url.trim_end_matches('/')
    )
}

/// Records consent a public form asked for on behalf of an address nobody has confirmed:
/// a ledger row marked unconfirmed, nothing in force. For email, returns the token of the
/// link that confirms it (send it to that address only); for SMS, None: the number is
/// texted and asked to reply. Only grants wait
/// for confirmation: a form's unticked box records nothing. Call it inside the
/// transaction of the change that collected it.
pub async fn request_consent(
    db: &impl ConnectionTrait,
    choice: ConsentChoice<'_>,
) -> AppResult<Option<String>> {
    debug_assert!(choice.granted, "only a grant waits for confirmation");
    let choice = ConsentChoice {
        granted: true,
        ..choice
    };
    let now = Utc::now();
    let source = format!("{}:{REQUESTED_UNCONFIRMED}", choice.source);
    append_to_ledger(db, &choice, &source, now).await?;
    if choice.channel != Channel::Email {
        if let Some(phone) = choice.phone {
            ask_number_to_confirm(db, &choice, phone, now).await?;
        }
        return Ok(None);
    }
    keep_request(db, &choice, now, CONFIRM_LINK_DAYS)
        .await
        .map(Some)
}

/// Keeps `choice` waiting for its confirmation for `days` (with the number, for SMS), and
/// returns the token of its link; only an email's link is ever sent.
pub(super) async fn keep_request(
    db: &impl ConnectionTrait,
    choice: &ConsentChoice<'_>,
    now: DateTime<Utc>,
    days: i64,
) -> AppResult<String> {
    let token = tokens::new_token();
    request::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        email: Set(choice.email.to_string()),
        person_id: Set(choice.person_id),
        channel: Set(choice.channel),
        scope: Set(choice.scope),
        wording: Set(choice.wording.to_string()),
        source: Set(choice.source.to_string()),
        phone: Set(choice
            .phone
            .filter(|_| choice.channel == Channel::Sms)
            .map(str::to_string)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(days)),
        confirmed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Confirms the consent an emailed link asked for: marks the link used (once only),
/// appends the "confirmed by link" row to the ledger and puts the consent in force.
/// Returns the address, masked, for the page to show.
pub async fn confirm_consent<C>(db: &C, token: &str) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let not_valid = || {
        AppError::invalid(
            "token",
            "This link is not valid: it has been used already, or it has expired.",
        )
    };
    let txn = begin_write(db).await?;
    let now = Utc::now();
    // A link in an email proves the address, never a number.
    let found = request::Entity::find()
        .filter(request::Column::TokenHash.eq(tokens::hash_token(token)))
        .one(&txn)
        .await?
        .filter(|r| r.confirmed_at.is_none() && r.expires_at > now && r.channel == Channel::Email)
        .ok_or_else(not_valid)?;
    // Of two racing uses of one link, only one claims the request.
    if !claim_request(&txn, found.id, now).await? {
        return Err(not_valid());
    }
    record_consent(
        &txn,
        ConsentChoice {
            email: &found.email,
            person_id: found.person_id,
            channel: Channel::Email,
            scope: found.scope,
            granted: true,
            wording: &found.wording,
            source: &format!("{}:{CONFIRMED_BY_LINK}", found.source),
            phone: None,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(request_id = found.id, "consent confirmed by link");
    Ok(mask_email(&found.email))
}

/// Marks the request confirmed unless something else did first; false then. The guard is
/// in the UPDATE, so two racing confirmations (a link used twice, two YES replies) confirm
/// a request once.
pub(super) async fn claim_request(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let claimed = request::Entity::update_many()
        .col_expr(request::Column::ConfirmedAt, now.into())
        .filter(request::Column::Id.eq(id))
        .filter(request::Column::ConfirmedAt.is_null())
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}
