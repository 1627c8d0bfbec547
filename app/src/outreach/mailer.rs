//! Where email goes: SMTP through lettre in production, the log in development.

use lettre::{message::Mailbox, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// One email ready to hand to a provider.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
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
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, String>;
}

/// Delivers through any SMTP server, e.g. `smtps://user:pass@smtp.example.org` or
/// `smtp://127.0.0.1:2525` for a local server without TLS.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("SMTP_URL is not usable: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MAIL_FROM is not an address: {e}"))?;
        Ok(Self { transport, from })
    }
}

#[async_trait::async_trait]
impl Mailer for SmtpMailer {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, String> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|e| format!("bad recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .body(email.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map_err(|e| e.to_string())?;
        Ok(Delivery::Sent)
    }
}

/// Development delivery: writes the email to the log and leaves it on the outbox page.
pub struct LogMailer;

#[async_trait::async_trait]
impl Mailer for LogMailer {
    async fn deliver(&self, email: &OutgoingEmail) -> Result<Delivery, String> {
        tracing::info!(to = %email.to, subject = %email.subject, body = %email.body, "email not sent: SMTP_URL is unset");
        Ok(Delivery::Logged)
    }
}
