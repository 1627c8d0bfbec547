//! What every request can reach on the server: the database and settings.

use crate::{live::LiveBus, rate_limit::RateLimits};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Shared server state, handed to server functions as context.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    /// Limits on what sends email or texts, shared by every request to this node.
    pub limits: Arc<RateLimits>,
    /// Signals to every server process, for pages that update live.
    pub live: LiveBus,
}

/// Settings the app itself needs (the server's config carries the rest).
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people reach the site at, used in emailed links.
    pub public_url: String,
    /// Mark cookies Secure: true when the public URL is https.
    pub secure_cookies: bool,
    /// Believe the first X-Forwarded-For address (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
    /// The SMS provider's auth token, which signs its webhook calls; None: no webhook.
    pub sms_auth_token: Option<String>,
    /// What the staff outbox page may show (it holds live reset and cancel links).
    pub outbox: OutboxAccess,
    /// The telephony provider that bridges phonebank calls; None: `tel:` links.
    pub voice: Option<VoiceSettings>,
    /// Where uploaded images are kept (the Web Creator's), on disk.
    pub upload_dir: std::path::PathBuf,
    /// The payment provider (Stripe's HTTP API); None: donations are not set up.
    pub payments: Option<PaymentSettings>,
}

/// A payment provider speaking Stripe's HTTP API (Stripe itself, or the fake one tests
/// and the demo start).
#[derive(Debug, Clone)]
pub struct PaymentSettings {
    pub api_url: String,
    pub secret_key: String,
    /// Signs the provider's webhook calls.
    pub webhook_secret: String,
}

/// A Twilio-style telephony provider for bridged phonebank calls.
#[derive(Debug, Clone)]
pub struct VoiceSettings {
    pub api_url: String,
    pub account_sid: String,
    pub auth_token: String,
    /// The party's number, shown to both sides of a bridged call.
    pub from: String,
}

/// The staff outbox is a development tool: where a real mail server delivers, it does not
/// exist; without one, its emails' links show only on a site running in development.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxAccess {
    /// No mail server, development (a loopback address): everything, links included.
    Full,
    /// No mail server, but a public site: the emails with their links hidden.
    LinksHidden,
    /// A mail server delivers: there is no outbox page.
    Closed,
}

impl Settings {
    pub fn new(public_url: &str, trust_forwarded_for: bool) -> Self {
        Self {
            public_url: public_url.trim_end_matches('/').to_string(),
            secure_cookies: public_url.starts_with("https://"),
            trust_forwarded_for,
            sms_auth_token: None,
            voice: None,
            upload_dir: std::env::temp_dir().join("membersnet-uploads"),
            payments: None,
            outbox: if is_development_address(public_url) {
                OutboxAccess::Full
            } else {
                OutboxAccess::LinksHidden
            },
        }
    }

    /// The same settings, with a real mail server delivering email (the outbox closes).
    pub fn with_mail_server(mut self, configured: bool) -> Self {
        if configured {
            self.outbox = OutboxAccess::Closed;
        }
        self
    }

    /// The same settings, bridging phonebank calls through `voice` (None: `tel:` links).
    pub fn with_voice(mut self, voice: Option<VoiceSettings>) -> Self {
        self.voice = voice;
        self
    }

    /// The same settings, taking donations through `payments` (None: not set up).
    pub fn with_payments(mut self, payments: Option<PaymentSettings>) -> Self {
        self.payments = payments;
        self
    }

    /// The same settings, keeping uploaded images in `dir`.
    pub fn with_upload_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.upload_dir = dir.into();
        self
    }

    /// The same settings, checking the SMS webhook's signature with `token`.
    pub fn with_sms_auth_token(mut self, token: Option<String>) -> Self {
        self.sms_auth_token = token.filter(|t| !t.is_empty());
        self
    }
}

/// A site on a loopback address is running in development: nobody else can reach it.
fn is_development_address(public_url: &str) -> bool {
    let rest = public_url.strip_prefix("http://").unwrap_or_default();
    let host = rest.split(['/', '?']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_loopback_site_without_a_mail_server_shows_the_outbox_whole() {
        assert_eq!(
            Settings::new("http://127.0.0.1:3000", false).outbox,
            OutboxAccess::Full
        );
        assert_eq!(
            Settings::new("http://localhost", false).outbox,
            OutboxAccess::Full
        );
        for public in [
            "https://127.0.0.1",
            "http://members.example",
            "http://127.0.0.1.evil.example",
        ] {
            assert_eq!(
                Settings::new(public, false).outbox,
                OutboxAccess::LinksHidden,
                "{public}"
            );
        }
        let with_smtp = Settings::new("http://127.0.0.1:3000", false).with_mail_server(true);
        assert_eq!(with_smtp.outbox, OutboxAccess::Closed);
    }
}
