//! What every request can reach on the server: the database and settings.

use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Shared server state, handed to server functions as context.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
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
}

impl Settings {
    pub fn new(public_url: &str, trust_forwarded_for: bool) -> Self {
        Self {
            public_url: public_url.trim_end_matches('/').to_string(),
            secure_cookies: public_url.starts_with("https://"),
            trust_forwarded_for,
            sms_auth_token: None,
        }
    }

    /// The same settings, checking the SMS webhook's signature with `token`.
    pub fn with_sms_auth_token(mut self, token: Option<String>) -> Self {
        self.sms_auth_token = token.filter(|t| !t.is_empty());
        self
    }
}
