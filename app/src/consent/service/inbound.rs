//! Replies to our texts through the SMS provider's webhook. STOP (and its usual
//! variants) withdraws every SMS consent given for that number at once, and is
//! confirmed by one text: a second STOP finds nothing left to withdraw and gets none.
//! YES confirms the SMS consent public forms asked for on the number's behalf.

use super::{confirm_by_reply, is_yes, record_consent, ConsentChoice};
use crate::{
    consent::{entity::consent_current, model::Channel},
    error::AppResult,
    mail::queue_text,
};
use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

/// The words that mean "stop texting me" (matched on the whole reply, any case).
pub const STOP_WORDS: [&str; 8] = [
    "STOP",
    "STOPALL",
    "STOP ALL",
    "UNSUBSCRIBE",
    "CANCEL",
    "END",
    "QUIT",
    "OPTOUT",
];
pub const STOP_WORDING: &str = "Replied STOP to a text.";
pub const STOP_CONFIRMATION: &str =
    "MembersNet: you will get no more texts from us. Thank you for your support.";

/// Whether a reply asks to stop.
pub fn is_stop(body: &str) -> bool {
    let said = body.trim().trim_end_matches(['.', '!']).to_uppercase();
    STOP_WORDS.contains(&said.as_str())
}

/// Handles one inbound text from `from` (E.164). Returns how many consents it withdrew
/// or confirmed.
pub async fn handle_inbound_text<C>(db: &C, from: &str, body: &str) -> AppResult<usize>
where
    C: ConnectionTrait + TransactionTrait,
{
    if is_yes(body) {
        return confirm_by_reply(db, from).await;
    }
    if !is_stop(body) {
        return Ok(0);
    }
    // Every withdrawal and the one confirmation are written together or not at all.
    let txn = crate::db::begin_write(db).await?;
    let db = &txn;
    let live = consent_current::Entity::find()
        .filter(consent_current::Column::Phone.eq(from))
        .filter(consent_current::Column::Channel.eq(Channel::Sms))
        .filter(consent_current::Column::Granted.eq(true))
        .all(db)
        .await?;
    for consent in &live {
        record_consent(
            db,
            ConsentChoice {
                email: &consent.email,
                person_id: consent.person_id,
                channel: Channel::Sms,
                scope: consent.scope,
                granted: false,
                wording: STOP_WORDING,
                source: "sms-stop",
                phone: Some(from),
            },
        )
        .await?;
    }
    if !live.is_empty() {
        // Confirmations go at once, even in quiet hours: the person just wrote to us.
        queue_text(db, from, STOP_CONFIRMATION, Utc::now()).await?;
    }
    txn.commit().await?;
    tracing::info!(withdrawn = live.len(), "STOP received");
    Ok(live.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_and_its_variants_are_recognised_but_not_inside_sentences() {
        for reply in ["STOP", "stop", " Stop. ", "unsubscribe", "Stop all", "QUIT"] {
            assert!(is_stop(reply), "{reply}");
        }
        for reply in ["Don't stop", "stopping by later", "yes"] {
            assert!(!is_stop(reply), "{reply}");
        }
    }
}
