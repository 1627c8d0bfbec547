//! The thermometer: a donation page's total, kept per process so a popular page does not
//! add up its gifts on every request, and pushed to everyone watching the page. A change
//! is signalled on the live bus (topic "fundraising", the page's id), so every process
//! drops its copy and tells its watchers within moments; a copy is also never older than
//! `FRESH`, in case a signal is ever missed.

use crate::{
    error::AppResult,
    fundraising::{
        entity::{fund_page, payment},
        model::Thermometer,
    },
    live::{Heard, LiveBus},
};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};
use std::{
    collections::HashMap,
    sync::{Mutex, OnceLock},
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

const TOPIC: &str = "fundraising";
const FRESH: Duration = Duration::from_secs(30);

/// This process's totals and watchers.
struct Totals {
    kept: Mutex<HashMap<i32, (Thermometer, Instant)>>,
    changes: broadcast::Sender<(i32, Thermometer)>,
    relaying: OnceLock<()>,
}

fn totals(bus: &LiveBus) -> std::sync::Arc<Totals> {
    let part = bus.part(|| Totals {
        kept: Mutex::new(HashMap::new()),
        changes: broadcast::channel(1_024).0,
        relaying: OnceLock::new(),
    });
    part.relaying.get_or_init(|| {
        tokio::spawn(relay(bus.clone()));
    });
    part
}

/// Adds up a page's paid gifts, net of refunds, from the database.
pub async fn count(db: &impl ConnectionTrait, page_id: i32) -> AppResult<Option<Thermometer>> {
    let Some(target) = fund_page::Entity::find_by_id(page_id)
        .select_only()
        .column(fund_page::Column::TargetPence)
        .into_tuple::<i64>()
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let (raised, gifts) = payment::Entity::find()
        .select_only()
        .column_as(
            Expr::cust("CAST(COALESCE(SUM(amount_pence - refunded_pence), 0) AS BIGINT)"),
            "raised",
        )
        .column_as(
            Expr::cust("CAST(COUNT(DISTINCT donation_id) AS BIGINT)"),
            "gifts",
        )
        .filter(payment::Column::PageId.eq(page_id))
        .into_tuple::<(i64, i64)>()
        .one(db)
        .await?
        .unwrap_or((0, 0));
    Ok(Some(Thermometer {
        raised_pence: raised,
        target_pence: target,
        gifts,
    }))
}

/// The page's thermometer, from this process's copy when it has a fresh one.
pub async fn thermometer(bus: &LiveBus, page_id: i32) -> AppResult<Option<Thermometer>> {
    let part = totals(bus);
    if let Some((kept, at)) = part
        .kept
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&page_id)
    {
        if at.elapsed() < FRESH {
            return Ok(Some(*kept));
        }
    }
    let counted = count(bus.db(), page_id).await?;
    if let Some(counted) = counted {
        part.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(page_id, (counted, Instant::now()));
    }
    Ok(counted)
}

/// Tells every process that a page's total changed. Call it after the change commits.
pub async fn changed(bus: &LiveBus, page_id: i32) {
    if let Err(err) = bus.publish(TOPIC, &page_id.to_string()).await {
        tracing::warn!(?err, page_id, "thermometer change not signalled");
    }
}

/// Every change to any page's thermometer from now on (the caller keeps its own page's).
pub fn watch(bus: &LiveBus) -> broadcast::Receiver<(i32, Thermometer)> {
    totals(bus).changes.subscribe()
}

/// Hears the bus: drops the changed page's copy, counts it again once, and tells this
/// process's watchers.
async fn relay(bus: LiveBus) {
    let mut heard = bus.listen(TOPIC);
    while let Some(signal) = heard.next().await {
        let page_id = match signal {
            Heard::Signal(payload) => match payload.parse::<i32>() {
                Ok(id) => id,
                Err(_) => continue,
            },
            // Each copy is never older than `FRESH`: a missed signal is caught up then.
            Heard::Missed => continue,
        };
        let part = totals(&bus);
        part.kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&page_id);
        match thermometer(&bus, page_id).await {
            Ok(Some(now)) => {
                let _ = part.changes.send((page_id, now));
            }
            Ok(None) => {}
            Err(err) => tracing::warn!(?err, page_id, "thermometer not recounted"),
        }
    }
}
