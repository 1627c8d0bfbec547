//! The dashboard's live updates. A saved, corrected or paused call is signalled on the
//! live bus (topic "phonebank", the phonebank's id; PostgreSQL NOTIFY, so a call saved
//! through one process reaches dashboards open on every other), at most once a second
//! per phonebank from each process: at hundreds of calls a second a dashboard needs to
//! hear "something changed", not every call. Each process relays the ids it hears to its
//! own open dashboards, which then read the dashboard again.

use crate::live::{Heard, LiveBus};
use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex, OnceLock},
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

const TOPIC: &str = "phonebank";
/// Sent to every dashboard when signals were missed (no phonebank has this id).
pub const EVERY_PHONEBANK: i32 = 0;
/// How often one process signals a phonebank's changes, at most.
const AT_MOST_EVERY: Duration = Duration::from_secs(1);

#[derive(Default)]
struct Hub {
    /// When each phonebank was last signalled from here, and those waiting to be.
    last_sent: Mutex<HashMap<i32, Instant>>,
    waiting: Mutex<HashSet<i32>>,
    changes: OnceLock<broadcast::Sender<i32>>,
    started: OnceLock<()>,
}

fn hub(bus: &LiveBus) -> Arc<Hub> {
    let hub = bus.part(Hub::default);
    hub.started.get_or_init(|| {
        tokio::spawn(relay(bus.clone(), hub.clone()));
        tokio::spawn(send_waiting(bus.clone(), hub.clone()));
    });
    hub
}

fn changes(hub: &Hub) -> &broadcast::Sender<i32> {
    hub.changes.get_or_init(|| broadcast::channel(1_024).0)
}

/// Something on phonebank `id`'s dashboard changed. Signalled now, or with the next
/// second's batch if it was signalled under a second ago.
pub async fn changed(bus: &LiveBus, id: i32) {
    let hub = hub(bus);
    let now = Instant::now();
    {
        let mut last = hub.last_sent.lock().unwrap_or_else(|e| e.into_inner());
        if last
            .get(&id)
            .is_some_and(|at| now.duration_since(*at) < AT_MOST_EVERY)
        {
            hub.waiting
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id);
            return;
        }
        last.insert(id, now);
    }
    signal(bus, id).await;
}

async fn signal(bus: &LiveBus, id: i32) {
    if let Err(err) = bus.publish(TOPIC, &id.to_string()).await {
        tracing::warn!(?err, id, "phonebank change not signalled");
    }
}

/// Each second, the changes held back in the last one.
async fn send_waiting(bus: LiveBus, hub: Arc<Hub>) {
    let mut closing = bus.closing();
    let mut tick = tokio::time::interval(AT_MOST_EVERY);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = closing.changed() => return,
        }
        let ids: Vec<i32> = hub
            .waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .drain()
            .collect();
        for id in ids {
            hub.last_sent
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(id, Instant::now());
            signal(&bus, id).await;
        }
    }
}

/// The ids of phonebanks that changed, from now on (from every process);
/// `EVERY_PHONEBANK` when some were missed.
pub fn watch(bus: &LiveBus) -> broadcast::Receiver<i32> {
    changes(&hub(bus)).subscribe()
}

async fn relay(bus: LiveBus, hub: Arc<Hub>) {
    let mut heard = bus.listen(TOPIC);
    while let Some(signal) = heard.next().await {
        let id = match signal {
            Heard::Signal(payload) => match payload.parse::<i32>() {
                Ok(id) => id,
                Err(_) => continue,
            },
            Heard::Missed => EVERY_PHONEBANK,
        };
        // Nobody watching here is no error.
        let _ = changes(&hub).send(id);
    }
}
