//! What a sign-up form's consent boxes record. An unticked box records nothing: only the
//! person's preferences page, an unsubscribe link or STOP withdraws a consent, so a
//! stranger's form cannot. A ticked box is in force at once only for email, and only from
//! the signed-in owner of the address (an account that confirmed it, see
//! `SignUpDetails::owner`); anyone else's waits for the address to confirm it
//! (double opt-in, see `consent::service`). A mobile number is never confirmed
//! by a form: SMS consent from one waits for the number to reply YES to the text it gets.
//! Phone calls are offered only to a signed-in member whose mobile is confirmed.

use super::SignUpDetails;
use crate::{
    consent::{
        model::PARTY_SCOPE,
        service::{has_consent, record_consent, request_consent, Channel, ConsentChoice},
    },
    error::AppResult,
    events::model::{CONSENT_CALLS_WORDING, CONSENT_EMAIL_WORDING, CONSENT_SMS_WORDING},
};
use sea_orm::ConnectionTrait;

/// Records the ticked boxes of a sign-up to `event_id`. Returns the token of the link
/// that confirms email consent, when the address has to confirm it.
pub(super) async fn record_consents(
    txn: &impl ConnectionTrait,
    details: &SignUpDetails,
    event_id: i32,
) -> AppResult<Option<String>> {
    let source = format!("event-signup:{event_id}");
    let email = details.email.as_str();
    let mut confirm_token = None;
    if details.consent_email {
        let choice = ConsentChoice {
            email,
            person_id: details.person_id,
            channel: Channel::Email,
            scope: PARTY_SCOPE,
            granted: true,
            wording: CONSENT_EMAIL_WORDING,
            source: &source,
            phone: None,
        };
        if details.owner().is_some() {
            record_consent(txn, choice).await?;
        } else if !has_consent(txn, email, Channel::Email, PARTY_SCOPE).await? {
            confirm_token = request_consent(txn, choice).await?;
        }
    }
    if let (true, Some(phone)) = (details.consent_sms, details.phone.as_ref()) {
        let choice = ConsentChoice {
            email,
            person_id: details.person_id,
            channel: Channel::Sms,
            scope: PARTY_SCOPE,
            granted: true,
            wording: CONSENT_SMS_WORDING,
            source: &source,
            phone: Some(phone.as_str()),
        };
        // The owner of the address and of the number (confirmed by code) has proved both.
        if details.owner().is_some() && details.phone_confirmed {
            record_consent(txn, choice).await?;
        } else {
            request_consent(txn, choice).await?;
        }
    }
    // Calls (PECR regulation 21) only from that proven owner, in force at once.
    if let (true, Some(phone), Some(_)) = (
        details.consent_calls && details.phone_confirmed,
        details.phone.as_ref(),
        details.owner(),
    ) {
        let choice = ConsentChoice {
            email,
            person_id: details.person_id,
            channel: Channel::Phone,
            scope: PARTY_SCOPE,
            granted: true,
            wording: CONSENT_CALLS_WORDING,
            source: &source,
            phone: Some(phone.as_str()),
        };
        record_consent(txn, choice).await?;
    }
    Ok(confirm_token)
}
