//! A fake payment provider speaking the part of Stripe's HTTP API MembersNet uses, for
//! tests and the demo (never production): checkout sessions with a hosted page to "pay"
//! on (by card, paid at once, or by Direct Debit, paid when `settle` says), monthly
//! subscriptions and their renewals, refunds, and the events list. Every event is signed
//! as Stripe signs webhooks and either posted to the site's webhook address or kept for
//! a test to deliver (and replay, or forge) itself.

mod api;

use api::*;
use app::fundraising::service::signature::sign;
use axum::{
    routing::{get, post},
    Router,
};
use serde_json::{json, Value};
use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Mutex,
    },
};

/// Where the fake's events go.
#[derive(Debug, Clone)]
pub enum Deliver {
    /// Posted to the site's webhook address as they happen.
    To(String),
    /// Kept for the test (`take_events`).
    Keep,
}

/// A signed webhook call, as the provider would make it.
#[derive(Debug, Clone)]
pub struct SignedEvent {
    pub body: String,
    pub signature: String,
    pub kind: String,
}

struct Session {
    mode: String,
    amount: i64,
    donation_id: String,
    success_url: String,
    description: String,
    done: bool,
}

struct Subscription {
    donation_id: String,
    amount: i64,
    active: bool,
}

/// The fake provider; cheap to clone.
#[derive(Clone)]
pub struct FakeProvider(Arc<Inner>);

struct Inner {
    base: String,
    secret_key: String,
    webhook_secret: String,
    deliver: Deliver,
    delivering: AtomicBool,
    next: AtomicU64,
    sessions: Mutex<HashMap<String, Session>>,
    subscriptions: Mutex<HashMap<String, Subscription>>,
    /// Payment intent → amount, for refunds.
    payments: Mutex<HashMap<String, i64>>,
    /// Direct Debits waiting to settle: session → (payment intent, subscription).
    unsettled: Mutex<HashMap<String, (String, Option<String>)>>,
    events: Mutex<Vec<Value>>,
    kept: Mutex<Vec<SignedEvent>>,
    client: reqwest::Client,
}

/// The fake's settings for the site: its address and keys.
pub fn settings_for(fake: &FakeProvider) -> app::state::PaymentSettings {
    app::state::PaymentSettings {
        api_url: fake.0.base.clone(),
        secret_key: fake.0.secret_key.clone(),
        webhook_secret: fake.0.webhook_secret.clone(),
    }
}

impl FakeProvider {
    /// Starts the fake on a free local port.
    pub async fn start(deliver: Deliver) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base = format!("http://{}", listener.local_addr()?);
        let fake = FakeProvider(Arc::new(Inner {
            base,
            secret_key: format!("sk_test_{}", app::tokens::new_token()),
            webhook_secret: format!("whsec_{}", app::tokens::new_token()),
            deliver,
            delivering: AtomicBool::new(true),
            next: AtomicU64::new(1),
            sessions: Mutex::default(),
            subscriptions: Mutex::default(),
            payments: Mutex::default(),
            unsettled: Mutex::default(),
            events: Mutex::default(),
            kept: Mutex::default(),
            client: reqwest::Client::new(),
        }));
        let router = Router::new()
            .route("/v1/checkout/sessions", post(create_session))
            .route("/v1/refunds", post(refund))
            .route(
                "/v1/subscriptions/{id}",
                get(show_subscription)
                    .post(update_subscription)
                    .delete(cancel_subscription),
            )
            .route("/v1/events", get(list_events))
            .route("/pay/{id}", get(checkout_page).post(pay))
            .with_state(fake.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Ok(fake)
    }

    pub fn base(&self) -> &str {
        &self.0.base
    }

    pub fn webhook_secret(&self) -> &str {
        &self.0.webhook_secret
    }

    /// While off, events are listed but not delivered (the site is "down").
    pub fn set_delivering(&self, on: bool) {
        self.0.delivering.store(on, Ordering::SeqCst);
    }

    /// The signed events kept for the test, oldest first.
    pub fn take_events(&self) -> Vec<SignedEvent> {
        std::mem::take(&mut *lock(&self.0.kept))
    }

    /// A Direct Debit confirms (or fails) days later.
    pub async fn settle(&self, session_id: &str, paid: bool) {
        let Some((intent, subscription)) = lock(&self.0.unsettled).remove(session_id) else {
            return;
        };
        let (amount, donation) = {
            let sessions = lock(&self.0.sessions);
            let s = &sessions[session_id];
            (s.amount, s.donation_id.clone())
        };
        match (subscription, paid) {
            (Some(sub), true) => self.invoice(&sub, &intent, amount, &donation, true).await,
            (Some(sub), false) => self.invoice(&sub, &intent, amount, &donation, false).await,
            (None, ok) => {
                if ok {
                    lock(&self.0.payments).insert(intent.clone(), amount);
                }
                let kind = if ok {
                    "checkout.session.async_payment_succeeded"
                } else {
                    "checkout.session.async_payment_failed"
                };
                let object = json!({"id": session_id, "object": "checkout.session", "mode": "payment",
                    "payment_status": if ok { "paid" } else { "unpaid" }, "payment_intent": intent,
                    "amount_total": amount, "metadata": {"donation_id": donation}});
                self.emit(kind, object).await;
            }
        }
    }

    /// A month passes: the subscription's next payment succeeds or fails.
    pub async fn renew(&self, subscription_id: &str, paid: bool) {
        let found = lock(&self.0.subscriptions)
            .get(subscription_id)
            .filter(|s| s.active)
            .map(|s| (s.amount, s.donation_id.clone()));
        if let Some((amount, donation)) = found {
            let intent = self.id("pi");
            self.invoice(subscription_id, &intent, amount, &donation, paid)
                .await;
        }
    }

    async fn invoice(&self, sub: &str, intent: &str, amount: i64, donation: &str, paid: bool) {
        if paid {
            lock(&self.0.payments).insert(intent.to_string(), amount);
        }
        let object = json!({"id": self.id("in"), "object": "invoice", "subscription": sub,
            "payment_intent": intent, "amount_paid": if paid { amount } else { 0 },
            "amount_due": amount, "subscription_details": {"metadata": {"donation_id": donation}}});
        let kind = if paid {
            "invoice.paid"
        } else {
            "invoice.payment_failed"
        };
        self.emit(kind, object).await;
    }

    fn id(&self, prefix: &str) -> String {
        format!(
            "{prefix}_fake{}",
            self.0.next.fetch_add(1, Ordering::SeqCst)
        )
    }

    async fn emit(&self, kind: &str, object: Value) {
        let event = json!({"id": self.id("evt"), "object": "event", "type": kind,
            "created": chrono::Utc::now().timestamp(), "data": {"object": object}});
        lock(&self.0.events).push(event.clone());
        if !self.0.delivering.load(Ordering::SeqCst) {
            return;
        }
        let body = event.to_string();
        let signature = sign(
            &self.0.webhook_secret,
            chrono::Utc::now().timestamp(),
            body.as_bytes(),
        );
        match &self.0.deliver {
            Deliver::Keep => lock(&self.0.kept).push(SignedEvent {
                body,
                signature,
                kind: kind.to_string(),
            }),
            Deliver::To(url) => {
                let sent = self
                    .0
                    .client
                    .post(url)
                    .header("Stripe-Signature", signature)
                    .header("Content-Type", "application/json")
                    .body(body)
                    .send()
                    .await;
                if let Err(err) = sent {
                    tracing::warn!(%err, "fake payment provider: webhook not delivered");
                }
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
