//! Bridged calls: a telephony provider rings the caller's own phone, then connects them to
//! the contact with the party's number as caller ID, so neither sees the other's number.
//! Speaks Twilio's Calls API (anything that does, such as a local fake in the tests).

use std::time::Duration;

/// How long the provider may take to accept a call.
const TIMEOUT: Duration = Duration::from_secs(10);

/// One call to bridge: both numbers in E.164.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    /// The volunteer's own phone, rung first.
    pub caller: String,
    /// The person they are calling, dialled once the volunteer answers.
    pub contact: String,
}

/// A telephony provider. Small, so tests can point the real HTTP one at a fake.
#[async_trait::async_trait]
pub trait CallBridge: Send + Sync {
    /// Starts the call; returns the provider's id for it, or why it could not.
    async fn bridge(&self, call: &Bridge) -> Result<String, String>;
}

/// Bridges through Twilio's Calls API.
pub struct HttpCallBridge {
    client: reqwest::Client,
    base_url: String,
    account_sid: String,
    auth_token: String,
    from: String,
}

impl HttpCallBridge {
    /// `base_url` is e.g. `https://api.twilio.com`; `from` is the party's number (E.164),
    /// shown to both sides.
    pub fn new(base_url: &str, account_sid: &str, auth_token: &str, from: &str) -> Self {
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
}

/// What the provider does once the volunteer answers: dial the contact, showing the
/// party's number. Both numbers are E.164 (digits and a plus), so nothing needs escaping.
pub fn dial_instructions(contact: &str, from: &str) -> String {
    format!("<Response><Dial callerId=\"{from}\"><Number>{contact}</Number></Dial></Response>")
}

#[async_trait::async_trait]
impl CallBridge for HttpCallBridge {
    async fn bridge(&self, call: &Bridge) -> Result<String, String> {
        let e164 = |n: &str| {
            n.starts_with('+') && n.len() > 8 && n[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if !e164(&call.caller) || !e164(&call.contact) {
            return Err("a number is not in international form".into());
        }
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Calls.json",
            self.base_url, self.account_sid
        );
        let response = self
            .client
            .post(url)
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .form(&[
                ("To", call.caller.as_str()),
                ("From", self.from.as_str()),
                (
                    "Twiml",
                    dial_instructions(&call.contact, &self.from).as_str(),
                ),
            ])
            .send()
            .await
            .map_err(|e| format!("telephony provider out of reach: {e}"))?;
        let status = response.status().as_u16();
        let reply: serde_json::Value = response.json().await.unwrap_or_default();
        match (status, reply["sid"].as_str()) {
            (200..=299, Some(sid)) => Ok(sid.to_owned()),
            _ => Err(format!(
                "telephony provider replied {status}: {}",
                reply["message"].as_str().unwrap_or("no message")
            )),
        }
    }
}
