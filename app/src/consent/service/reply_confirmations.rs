//! Double opt-in for mobile numbers. A ticked SMS box on a public form sends the number
//! one text asking for a reply; replying YES through the provider's webhook puts every
//! pending SMS request for that number in force, with a ledger row marked
//! "<where>:confirmed-by-reply" beside the "requested-unconfirmed" one. A stranger's form
//! can cost a number at most one such text a day, and none once it has said STOP.

use super::{
    confirmations::{claim_request, keep_request},
    record_consent, ConsentChoice,
};
use crate::consent::entity::confirmation as request;
use crate::{
    consent::{entity::consent_current, model::Channel},
    db::begin_write,
    error::AppResult,
    mail::{queue_text, quiet_hours::next_allowed, suppressions::suppressed_among},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

/// The source suffix of a ledger row for SMS consent the number confirmed by a reply.
pub const CONFIRMED_BY_REPLY: &str = "confirmed-by-reply";
/// The text that asks a number to confirm.
pub const ASK_TO_CONFIRM_TEXT: &str = "MembersNet: reply YES to get campaign texts from us. \
     Not you, or changed your mind? Ignore this text, or reply STOP.";
/// The text that thanks a number for confirming.
pub const CONFIRMED_TEXT: &str =
    "MembersNet: thank you, you will get our campaign texts. Reply STOP at any time to stop.";
/// How long a number has to reply.
const REPLY_WITHIN_DAYS: i64 = 30;
/// At most one request text per number in this many hours.
const ONE_ASK_PER_HOURS: i64 = 24;

/// The replies that mean "yes, text me" (the whole reply, any case).
const YES_WORDS: [&str; 4] = ["YES", "Y", "START", "UNSTOP"];

/// Whether a reply says yes.
pub fn is_yes(body: &str) -> bool {
    let said = body.trim().trim_end_matches(['.', '!']).to_uppercase();
    YES_WORDS.contains(&said.as_str())
}

/// Keeps an SMS grant from a public form waiting for the number's reply, and asks the
/// number for it (outside quiet hours) unless it was asked within the last day, has
/// withdrawn SMS consent (STOP), or is a dead number. Call it inside the transaction of
/// the change that collected it.
pub(super) async fn ask_number_to_confirm(
    db: &impl ConnectionTrait,
    choice: &ConsentChoice<'_>,
    phone: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let asked_lately = request::Entity::find()
        .filter(request::Column::Phone.eq(phone))
        .filter(request::Column::Channel.eq(Channel::Sms))
        .filter(request::Column::CreatedAt.gt(now - Duration::hours(ONE_ASK_PER_HOURS)))
        .one(db)
        .await?
        .is_some();
    // The token is never sent anywhere: a reply, not a link, confirms a number.
    keep_request(db, choice, now, REPLY_WITHIN_DAYS).await?;
    if asked_lately || said_stop(db, phone).await? {
        return Ok(());
    }
    if !suppressed_among(db, Channel::Sms, &[phone.to_string()])
        .await?
        .is_empty()
    {
        return Ok(());
    }
    queue_text(db, phone, ASK_TO_CONFIRM_TEXT, next_allowed(now)).await
}

/// Whether SMS consent given for `phone` was withdrawn and not given again.
async fn said_stop(db: &impl ConnectionTrait, phone: &str) -> AppResult<bool> {
    Ok(consent_current::Entity::find()
        .filter(consent_current::Column::Phone.eq(phone))
        .filter(consent_current::Column::Channel.eq(Channel::Sms))
        .filter(consent_current::Column::Granted.eq(false))
        .one(db)
        .await?
        .is_some())
}

/// Puts in force every SMS consent waiting for `from` to reply, and thanks the number
/// once. Returns how many it confirmed (none: nothing was waiting, nothing is sent).
pub async fn confirm_by_reply<C>(db: &C, from: &str) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    let txn = begin_write(db).await?;
    let now = Utc::now();
    let waiting = request::Entity::find()
        .filter(request::Column::Phone.eq(from))
        .filter(request::Column::Channel.eq(Channel::Sms))
        .filter(request::Column::ConfirmedAt.is_null())
        .filter(request::Column::ExpiresAt.gt(now))
        .all(&txn)
        .await?;
    let mut confirmed = 0;
    for found in &waiting {
        // Two racing replies confirm each request once.
        if !claim_request(&txn, found.id, now).await? {
            continue;
        }
        record_consent(
            &txn,
            ConsentChoice {
                email: &found.email,
                person_id: found.person_id,
                channel: Channel::Sms,
                scope: found.scope,
                granted: true,
                wording: &found.wording,
                source: &format!("{}:{CONFIRMED_BY_REPLY}", found.source),
                phone: Some(from),
            },
        )
        .await?;
        confirmed += 1;
    }
    if confirmed > 0 {
        // The person just wrote to us: the thanks goes at once, even in quiet hours.
        queue_text(&txn, from, CONFIRMED_TEXT, now).await?;
    }
    txn.commit().await?;
    tracing::info!(confirmed, "SMS consent confirmed by reply");
    Ok(confirmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_its_variants_are_recognised_but_not_inside_sentences() {
        for reply in ["YES", "yes", " Yes! ", "y", "START"] {
            assert!(is_yes(reply), "{reply}");
        }
        for reply in ["yes but not now", "no", "", "STOP"] {
            assert!(!is_yes(reply), "{reply}");
        }
    }
}
