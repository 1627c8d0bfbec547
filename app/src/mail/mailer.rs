//! Where email goes: SMTP through lettre in production, the log in development.

use lettre::{
    message::{
        header::{Header, HeaderName, HeaderValue},
        Mailbox, MultiPart,
    },
    transport::smtp::PoolConfig,
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

/// One email ready to hand to a provider.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    /// The plain text part.
    pub body: String,
    /// An HTML part: the email is then multipart/alternative.
    pub html: Option<String>,
    /// The one-click unsubscribe address (RFC 8058) for the List-Unsubscribe header.
    pub list_unsubscribe: Option<String>,
}

/// Why an email was not handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailError {
    pub message: String,
    /// The server refused the address for good (a 5xx reply): a bounce, never retried.
    pub permanent: bool,
}

impl MailError {
    pub fn transient(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            permanent: false,
        }
    }
}

impl std::fmt::Display for MailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// What happened when an email was handed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// No provider is configured: the email stays readable on the staff outbox page.
    Logged,
}

/// A provider of email delivery. Small, so tests can point the real SMTP one at a sink.
#[async_trait::async_trait]
pub trait Mailer: Send + Sync {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, MailError>;
}

/// Delivers through any SMTP server, e.g. `smtps://user:pass@smtp.example.org` or
/// `smtp://127.0.0.1:2525` for a local server without TLS.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// SMTP connections kept open at once unless told otherwise: a send waits on each
/// reply, so many connections keep a remote (or even a local) server busy.
pub const DEFAULT_CONNECTIONS: u32 = 64;

impl SmtpMailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        Self::with_connections(smtp_url, from, DEFAULT_CONNECTIONS)
    }

    /// As `new`, keeping up to `connections` open.
    pub fn with_connections(smtp_url: &str, from: &str, connections: u32) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("SMTP_URL is not usable: {e}"))?
            .pool_config(PoolConfig::new().max_size(Ord::max(connections, 1)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MAIL_FROM is not an address: {e}"))?;
        Ok(Self { transport, from })
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, MailError> {
        let to: Mailbox = email.to.parse().map_err(|e| MailError {
            message: format!("bad recipient: {e}"),
            permanent: true,
        })?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone());
        if let Some(url) = &email.list_unsubscribe {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        let message = match &email.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                email.body.clone(),
                html.clone(),
            )),
            None => builder.body(email.body.clone()),
        }
        .map_err(|e| MailError::transient(e.to_string()))?;
        self.transport.send(message).await.map_err(|e| MailError {
            message: e.to_string(),
            permanent: e.is_permanent(),
        })?;
        Ok(Delivery::Sent)
    }
}

/// Development delivery: writes the email to the log and leaves it on the outbox page.
pub struct LogMailer;

#[async_trait::async_trait]
impl Mailer for LogMailer {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, MailError> {
        tracing::info!(to = %email.to, subject = %email.subject, body = %email.body, "email not sent: SMTP_URL is unset");
        Ok(Delivery::Logged)
    }
}

/// `List-Unsubscribe: <https://…>` (RFC 2369).
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): mail clients may
/// unsubscribe with one POST, no page visit.
#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}
