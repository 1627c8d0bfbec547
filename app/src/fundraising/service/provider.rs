//! The payment provider, behind a small trait: a hosted checkout (card numbers never touch
//! our servers), refunds, changing and stopping monthly gifts, and the provider's own
//! list of recent events (read on start to catch up on webhooks missed while down).
//! `StripeApi` speaks Stripe's HTTP API; tests and the demo point it at the fake
//! provider they start (`server::fake_payments`), so the production path is the one run.

use crate::{
    error::{AppError, AppResult},
    fundraising::model::Frequency,
    state::PaymentSettings,
};
use std::time::Duration;

/// What the checkout is for.
#[derive(Debug, Clone)]
pub struct CheckoutRequest<'a> {
    pub donation_id: i32,
    pub frequency: Frequency,
    pub amount_pence: i64,
    /// The line the donor sees on the provider's page.
    pub description: &'a str,
    pub email: &'a str,
    pub success_url: &'a str,
    pub cancel_url: &'a str,
}

/// A checkout session the donor is sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    pub id: String,
    pub url: String,
}

#[async_trait::async_trait]
pub trait PaymentProvider: Send + Sync {
    /// Where its checkout pages are (the donation form may send people there).
    fn checkout_origin(&self) -> String;
    async fn create_checkout(&self, request: &CheckoutRequest<'_>) -> AppResult<Checkout>;
    /// Refunds a payment in full.
    async fn refund(&self, payment_ref: &str) -> AppResult<()>;
    async fn change_monthly(&self, subscription_ref: &str, amount_pence: i64) -> AppResult<()>;
    async fn cancel_monthly(&self, subscription_ref: &str) -> AppResult<()>;
    /// The provider's events created at or after `since` (Unix seconds), oldest first.
    async fn events_since(&self, since: i64) -> AppResult<Vec<serde_json::Value>>;
}

/// Stripe's HTTP API (or anything speaking it).
pub struct StripeApi {
    client: reqwest::Client,
    base: String,
    key: String,
}

const TIMEOUT: Duration = Duration::from_secs(20);

impl StripeApi {
    pub fn new(settings: &PaymentSettings) -> Self {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .expect("the HTTP client's TLS backend starts");
        Self {
            client,
            base: settings.api_url.trim_end_matches('/').to_string(),
            key: settings.secret_key.clone(),
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(String, String)],
    ) -> AppResult<serde_json::Value> {
        self.call_once(method, path, form, None).await
    }

    /// A call that the provider does once however often it is sent with `key` (a retry
    /// after a refund half-done refunds nothing twice).
    async fn call_once(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(String, String)],
        key: Option<&str>,
    ) -> AppResult<serde_json::Value> {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.key)
            .form(form);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request
            .send()
            .await
            .map_err(|err| unavailable(&err.to_string()))?;
        let status = response.status();
        let body: serde_json::Value = response
            .json()
            .await
            .map_err(|err| unavailable(&err.to_string()))?;
        if !status.is_success() {
            let message = body["error"]["message"].as_str().unwrap_or("no message");
            return Err(unavailable(&format!("{status}: {message}")));
        }
        Ok(body)
    }
}

fn unavailable(detail: &str) -> AppError {
    tracing::warn!(detail, "payment provider refused or out of reach");
    AppError::conflict(
        "The payment provider did not answer. Nothing was taken; please try again in a minute.",
    )
}

fn pair(key: &str, value: impl ToString) -> (String, String) {
    (key.to_string(), value.to_string())
}

#[async_trait::async_trait]
impl PaymentProvider for StripeApi {
    fn checkout_origin(&self) -> String {
        origin_of_checkout(&self.base)
    }

    async fn create_checkout(&self, request: &CheckoutRequest<'_>) -> AppResult<Checkout> {
        let id = request.donation_id.to_string();
        let mut form = vec![
            pair("success_url", request.success_url),
            pair("cancel_url", request.cancel_url),
            pair("client_reference_id", &id),
            pair("customer_email", request.email),
            pair("metadata[donation_id]", &id),
            pair("line_items[0][quantity]", 1),
            pair("line_items[0][price_data][currency]", "gbp"),
            pair(
                "line_items[0][price_data][unit_amount]",
                request.amount_pence,
            ),
            pair(
                "line_items[0][price_data][product_data][name]",
                request.description,
            ),
        ];
        match request.frequency {
            Frequency::OneOff => {
                form.push(pair("mode", "payment"));
                form.push(pair("payment_intent_data[metadata][donation_id]", &id));
            }
            Frequency::Monthly => {
                form.push(pair("mode", "subscription"));
                form.push(pair(
                    "line_items[0][price_data][recurring][interval]",
                    "month",
                ));
                form.push(pair("subscription_data[metadata][donation_id]", &id));
            }
        }
        let session = self
            .call(reqwest::Method::POST, "/v1/checkout/sessions", &form)
            .await?;
        match (session["id"].as_str(), session["url"].as_str()) {
            (Some(id), Some(url)) if url.starts_with("https://") || url.starts_with("http://") => {
                Ok(Checkout {
                    id: id.to_string(),
                    url: url.to_string(),
                })
            }
            _ => Err(unavailable("checkout session without an id or address")),
        }
    }

    async fn refund(&self, payment_ref: &str) -> AppResult<()> {
        let form = [pair("payment_intent", payment_ref)];
        let key = format!("refund-{payment_ref}");
        self.call_once(reqwest::Method::POST, "/v1/refunds", &form, Some(&key))
            .await
            .map(drop)
    }

    async fn change_monthly(&self, subscription_ref: &str, amount_pence: i64) -> AppResult<()> {
        let path = format!("/v1/subscriptions/{subscription_ref}");
        let current = self.call(reqwest::Method::GET, &path, &[]).await?;
        let item = &current["items"]["data"][0];
        let (Some(item_id), Some(product)) =
            (item["id"].as_str(), item["price"]["product"].as_str())
        else {
            return Err(unavailable("subscription without an item"));
        };
        let form = [
            pair("items[0][id]", item_id),
            pair("items[0][price_data][currency]", "gbp"),
            pair("items[0][price_data][unit_amount]", amount_pence),
            pair("items[0][price_data][product]", product),
            pair("items[0][price_data][recurring][interval]", "month"),
            pair("proration_behavior", "none"),
        ];
        self.call(reqwest::Method::POST, &path, &form)
            .await
            .map(drop)
    }

    async fn cancel_monthly(&self, subscription_ref: &str) -> AppResult<()> {
        let path = format!("/v1/subscriptions/{subscription_ref}");
        self.call(reqwest::Method::DELETE, &path, &[])
            .await
            .map(drop)
    }

    async fn events_since(&self, since: i64) -> AppResult<Vec<serde_json::Value>> {
        let mut events = Vec::new();
        let mut after: Option<String> = None;
        // Stripe lists newest first, 100 at a time.
        loop {
            let mut query = format!("/v1/events?limit=100&created[gte]={since}");
            if let Some(last) = &after {
                query.push_str(&format!("&starting_after={last}"));
            }
            let page = self.call(reqwest::Method::GET, &query, &[]).await?;
            let data = page["data"].as_array().cloned().unwrap_or_default();
            after = data
                .last()
                .and_then(|e| e["id"].as_str())
                .map(str::to_string);
            events.extend(data);
            if !page["has_more"].as_bool().unwrap_or(false) || after.is_none() {
                break;
            }
        }
        events.reverse();
        Ok(events)
    }
}

/// Where the checkout pages of the provider at `api_url` are: Stripe's API is at
/// api.stripe.com and its checkout pages at checkout.stripe.com; anything else (the fake
/// provider) serves both.
pub fn origin_of_checkout(api_url: &str) -> String {
    if api_url.contains("api.stripe.com") {
        "https://checkout.stripe.com".to_string()
    } else {
        api_url.trim_end_matches('/').to_string()
    }
}

/// The provider the settings name, if any (a new HTTP client: for one-off use).
pub fn provider_from(settings: Option<&PaymentSettings>) -> Option<StripeApi> {
    settings.map(StripeApi::new)
}

/// This process's provider, made once (its HTTP client keeps its connections).
pub fn provider(state: &crate::state::AppState) -> Option<std::sync::Arc<StripeApi>> {
    struct Made(Option<std::sync::Arc<StripeApi>>);
    let settings = state.settings.payments.as_ref();
    state
        .live
        .part(|| Made(settings.map(|s| std::sync::Arc::new(StripeApi::new(s)))))
        .0
        .clone()
}
