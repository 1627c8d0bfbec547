//! Where texts go: an SMS provider speaking Twilio's Messages API in production, the log in
//! development. Sorts a provider's refusal into "the number is dead" and "try again later".

use std::{fmt, time::Duration};

/// How long a provider may take before the text is counted as worth retrying.
const TIMEOUT: Duration = Duration::from_secs(10);

/// Twilio's codes for a number that cannot take texts: invalid, not a mobile, unsubscribed,
/// unreachable.
const DEAD_NUMBER_CODES: [u64; 4] = [21211, 21614, 21610, 21612];

/// One text message ready to hand to a provider.
#[derive(Debug, Clone)]
pub struct OutgoingText {
    /// The recipient in E.164 form, e.g. `+447700900123`.
    pub to: String,
    pub body: String,
}

/// What happened when a text was handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextDelivery {
    /// The provider took it; `provider_id` is its id for the message, e.g. `SM…`.
    Sent { provider_id: String },
    /// No provider is configured: the text went to the log only.
    Logged,
}

/// Why a text was not handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// The number is dead or invalid: never retry, and mark the number.
    Permanent(String),
    /// The provider is busy, failing or out of reach: try again later.
    Transient(String),
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Permanent(reason) => write!(f, "text refused for good: {reason}"),
            Self::Transient(reason) => write!(f, "text not sent yet: {reason}"),
        }
    }
}

impl std::error::Error for TextError {}

/// A provider of text delivery. Small, so tests can point the real HTTP one at a fake.
#[async_trait::async_trait]
pub trait TextSender: Send + Sync {
    async fn send(&self, text: &OutgoingText) -> Result<TextDelivery, TextError>;
}

/// Sends through Twilio's Messages API, or anything that speaks it, e.g. a local fake.
pub struct HttpTextSender {
    client: reqwest::Client,
    base_url: String,
    account_sid: String,
    auth_token: String,
    from: String,
}

impl HttpTextSender {
    /// `base_url` is e.g. `https://api.twilio.com`; `from` is the sending number in E.164 form.
    pub fn new(base_url: &str, account_sid: &str, auth_token: &str, from: &str) -> Self {
        // Building fails only when the TLS backend cannot start, which reqwest's own
        // `Client::new` treats as fatal too.
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .expect("the HTTP client's TLS backend starts");
        Self {
            client,
            base_url: base_url.trim_end_matches('/').to_owned(),
            account_sid: account_sid.to_owned(),
            auth_token: auth_token.to_owned(),
            from: from.to_owned(),
        }
    }

    fn messages_url(&self) -> String {
        format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            self.base_url, self.account_sid
        )
    }
}

#[async_trait::async_trait]
impl TextSender for HttpTextSender {
    async fn send(&self, text: &OutgoingText) -> Result<TextDelivery, TextError> {
        let response = self
            .client
            .post(self.messages_url())
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .form(&[
                ("To", text.to.as_str()),
                ("From", self.from.as_str()),
                ("Body", text.body.as_str()),
            ])
            .send()
            .await
            .map_err(|e| TextError::Transient(format!("SMS provider out of reach: {e}")))?;
        let status = response.status().as_u16();
        let body = response
            .text()
            .await
            .map_err(|e| TextError::Transient(format!("SMS provider reply cut off: {e}")))?;
        classify(status, &body)
    }
}

/// Sorts a provider's reply into sent, never retry, and retry later.
fn classify(status: u16, body: &str) -> Result<TextDelivery, TextError> {
    let reply: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    match status {
        200..=299 => match reply["sid"].as_str() {
            Some(sid) => Ok(TextDelivery::Sent {
                provider_id: sid.to_owned(),
            }),
            None => Err(TextError::Transient(format!(
                "SMS provider replied {status} without a message id: {body}"
            ))),
        },
        // Too many requests, or our own credentials refused: not the number's fault.
        401 | 403 | 429 => Err(TextError::Transient(describe(status, &reply))),
        400..=499 => Err(TextError::Permanent(describe(status, &reply))),
        _ => Err(TextError::Transient(describe(status, &reply))),
    }
}

/// Words for a refusal, naming the provider's code when it sent one.
fn describe(status: u16, reply: &serde_json::Value) -> String {
    let message = reply["message"].as_str().unwrap_or("no message");
    match reply["code"].as_u64() {
        Some(code) if DEAD_NUMBER_CODES.contains(&code) => {
            format!("the number cannot take texts (code {code}): {message}")
        }
        Some(code) => format!("SMS provider replied {status} (code {code}): {message}"),
        None => format!("SMS provider replied {status}: {message}"),
    }
}

/// Development delivery: writes the text to the log and sends nothing.
pub struct LogTextSender;

#[async_trait::async_trait]
impl TextSender for LogTextSender {
    async fn send(&self, text: &OutgoingText) -> Result<TextDelivery, TextError> {
        tracing::info!(to = %text.to, body = %text.body, "text not sent: no SMS provider is configured");
        Ok(TextDelivery::Logged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_reply_gives_the_provider_id() {
        let reply = classify(201, r#"{"sid":"SM123","status":"queued"}"#);
        assert_eq!(
            reply,
            Ok(TextDelivery::Sent {
                provider_id: "SM123".into()
            })
        );
    }

    #[test]
    fn an_invalid_number_is_never_retried() {
        let reply = classify(
            400,
            r#"{"code":21211,"message":"The 'To' number is not valid."}"#,
        );
        match reply {
            Err(TextError::Permanent(reason)) => assert!(reason.contains("21211"), "{reason}"),
            other => panic!("expected a permanent refusal, got {other:?}"),
        }
    }

    #[test]
    fn other_client_errors_are_permanent_too() {
        assert!(matches!(
            classify(400, r#"{"code":21606,"message":"From is not yours"}"#),
            Err(TextError::Permanent(_))
        ));
    }

    #[test]
    fn too_many_requests_is_retried() {
        assert!(matches!(
            classify(429, r#"{"code":20429,"message":"Too Many Requests"}"#),
            Err(TextError::Transient(_))
        ));
    }

    #[test]
    fn a_server_error_without_json_is_retried() {
        assert!(matches!(
            classify(503, "<html>Service Unavailable</html>"),
            Err(TextError::Transient(_))
        ));
    }

    #[test]
    fn a_success_without_an_id_is_retried() {
        assert!(matches!(classify(200, "{}"), Err(TextError::Transient(_))));
    }
}
