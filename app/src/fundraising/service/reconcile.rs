//! Catching up on start: a crash between a payment and its webhook (or a webhook that
//! never arrived) must not lose the gift. The provider's own list of recent events is
//! read and each applied through the same exactly-once path as a webhook, so events
//! already applied change nothing.

use crate::{
    error::AppResult,
    fundraising::service::{
        events::event_from_value, provider::PaymentProvider, webhooks::apply_event,
    },
};
use chrono::Utc;
use sea_orm::{ConnectionTrait, TransactionTrait};

/// How far back to look (the provider keeps 30 days of events).
pub const LOOK_BACK_DAYS: i64 = 3;

/// What catching up did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaughtUp {
    pub read: usize,
    pub applied: usize,
    /// Pages whose totals changed.
    pub pages: Vec<i32>,
}

/// Applies every event of the last few days not applied yet.
pub async fn catch_up<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    provider: &dyn PaymentProvider,
    public_url: &str,
) -> AppResult<CaughtUp> {
    let since = Utc::now().timestamp() - LOOK_BACK_DAYS * 86_400;
    let events = provider.events_since(since).await?;
    let mut done = CaughtUp {
        read: events.len(),
        ..Default::default()
    };
    for value in &events {
        let Some(event) = event_from_value(value) else {
            continue;
        };
        let applied = apply_event(db, &event, public_url, Utc::now()).await?;
        if applied.fresh {
            done.applied += 1;
        }
        if let Some(page) = applied.page_changed {
            if !done.pages.contains(&page) {
                done.pages.push(page);
            }
        }
    }
    Ok(done)
}
