//! Live updates for a session's watchers, in each server process. Votes, answers and
//! other changes are signalled on the live bus (PostgreSQL NOTIFY, so a vote made through
//! one process reaches watchers on every other). Each process then fans out to its own
//! watchers: an answer at once, whole; vote counts gathered and sent at most once a second
//! per session; and how many are watching, summed over every process's reports.

use crate::{
    error::AppResult,
    live::{Heard, LiveBus},
    qa::{entity::question, model::LiveUpdate, service::answers::answer_view},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex, OnceLock},
    time::{Duration, Instant},
};
use tokio::sync::broadcast;

const TOPIC: &str = "qa";
/// How often counts go out, at most.
const BATCH: Duration = Duration::from_secs(1);
/// How often each process reports its watchers, and how long a report counts.
const PRESENCE_EVERY: Duration = Duration::from_secs(5);
const PRESENCE_FOR: Duration = Duration::from_secs(15);
/// Updates a slow watcher may fall behind by before it is told to reload.
const WATCHER_BACKLOG: usize = 64;

/// What travels on the bus (small: PostgreSQL's payloads are limited).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "s", rename_all = "snake_case")]
enum Signal {
    Vote {
        session: i32,
        question: i32,
    },
    Answer {
        answer: i32,
    },
    Changed {
        session: i32,
    },
    Watching {
        node: String,
        session: i32,
        count: i64,
    },
}

/// This process's watchers, by session.
#[derive(Default)]
struct Hub {
    rooms: Mutex<HashMap<i32, Room>>,
    elsewhere: Mutex<HashMap<(String, i32), (i64, Instant)>>,
    started: OnceLock<()>,
}

struct Room {
    sender: broadcast::Sender<Arc<str>>,
    changed_votes: HashSet<i32>,
    last_watching: i64,
}

fn hub(bus: &LiveBus) -> Arc<Hub> {
    let hub = bus.part(Hub::default);
    hub.started.get_or_init(|| {
        tokio::spawn(run(bus.clone(), hub.clone()));
    });
    hub
}

/// Starts watching `session`: the updates as SSE `data` lines (JSON `LiveUpdate`s).
pub fn watch(bus: &LiveBus, session: i32) -> broadcast::Receiver<Arc<str>> {
    let hub = hub(bus);
    let mut rooms = hub.rooms.lock().unwrap_or_else(|e| e.into_inner());
    rooms
        .entry(session)
        .or_insert_with(|| Room {
            sender: broadcast::channel(WATCHER_BACKLOG).0,
            changed_votes: HashSet::new(),
            last_watching: 0,
        })
        .sender
        .subscribe()
}

/// How many watch `session` now, over every process.
pub fn watching(bus: &LiveBus, session: i32) -> i64 {
    let hub = hub(bus);
    let here = hub
        .rooms
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&session)
        .map_or(0, |r| r.sender.receiver_count() as i64);
    here + elsewhere(&hub, bus.node(), session)
}

fn elsewhere(hub: &Hub, node: &str, session: i32) -> i64 {
    let now = Instant::now();
    hub.elsewhere
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|((n, s), (_, at))| n != node && *s == session && now - *at < PRESENCE_FOR)
        .map(|(_, (count, _))| count)
        .sum()
}

/// A vote on `question` changed its count.
pub async fn vote_changed(bus: &LiveBus, session: i32, question: i32) -> AppResult<()> {
    send(bus, &Signal::Vote { session, question }).await
}

/// Answer `answer` was given.
pub async fn answered(bus: &LiveBus, answer: i32) -> AppResult<()> {
    send(bus, &Signal::Answer { answer }).await
}

/// Something else watchers see changed: they read the page again.
pub async fn changed(bus: &LiveBus, session: i32) -> AppResult<()> {
    send(bus, &Signal::Changed { session }).await
}

async fn send(bus: &LiveBus, signal: &Signal) -> AppResult<()> {
    let payload = serde_json::to_string(signal).map_err(|_| crate::error::AppError::Internal)?;
    bus.publish(TOPIC, &payload).await
}

/// The process's fan-out: reads the bus, and every second sends the counts that changed.
async fn run(bus: LiveBus, hub: Arc<Hub>) {
    let mut heard = bus.listen(TOPIC);
    let mut tick = tokio::time::interval(BATCH);
    let mut last_presence = Instant::now();
    loop {
        tokio::select! {
            received = heard.next() => match received {
                Some(Heard::Signal(payload)) => {
                    if let Ok(signal) = serde_json::from_str::<Signal>(&payload) {
                        handle(&bus, &hub, signal).await;
                    }
                }
                Some(Heard::Missed) => {
                    // Missed some: every watcher reads its page again.
                    let sessions: Vec<i32> = hub.rooms.lock().unwrap_or_else(|e| e.into_inner()).keys().copied().collect();
                    for session in sessions {
                        fan_out(&hub, session, &LiveUpdate::Changed);
                    }
                }
                None => return,
            },
            _ = tick.tick() => {
                flush_counts(&bus, &hub).await;
                if last_presence.elapsed() >= PRESENCE_EVERY {
                    last_presence = Instant::now();
                    report_presence(&bus, &hub).await;
                }
            }
        }
    }
}

async fn handle(bus: &LiveBus, hub: &Hub, signal: Signal) {
    match signal {
        Signal::Vote { session, question } => {
            if let Some(room) = hub
                .rooms
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_mut(&session)
            {
                room.changed_votes.insert(question);
            }
        }
        Signal::Answer { answer } => match answer_view(bus.db(), answer).await {
            Ok(Some((session, answer))) if !answer.hidden => {
                fan_out(hub, session, &LiveUpdate::Answer { answer })
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "live: answer not read"),
        },
        Signal::Changed { session } => fan_out(hub, session, &LiveUpdate::Changed),
        Signal::Watching {
            node,
            session,
            count,
        } => {
            hub.elsewhere
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert((node, session), (count, Instant::now()));
        }
    }
}

fn fan_out(hub: &Hub, session: i32, update: &LiveUpdate) {
    let Ok(json) = serde_json::to_string(update) else {
        return;
    };
    if let Some(room) = hub
        .rooms
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&session)
    {
        let _ = room.sender.send(json.into());
    }
}

/// Sends each session's changed counts (one read per session), and the watcher count when
/// it moved; forgets sessions nobody watches any more.
async fn flush_counts(bus: &LiveBus, hub: &Hub) {
    let due: Vec<(i32, Vec<i32>, i64)> = {
        let mut rooms = hub.rooms.lock().unwrap_or_else(|e| e.into_inner());
        rooms.retain(|_, room| room.sender.receiver_count() > 0);
        rooms
            .iter_mut()
            .filter_map(|(session, room)| {
                let watching = room.sender.receiver_count() as i64;
                let moved = watching != room.last_watching;
                if room.changed_votes.is_empty() && !moved {
                    return None;
                }
                room.last_watching = watching;
                Some((*session, room.changed_votes.drain().collect(), watching))
            })
            .collect()
    };
    for (session, questions, here) in due {
        let votes: Vec<(i32, i32)> = if questions.is_empty() {
            Vec::new()
        } else {
            match question::Entity::find()
                .filter(question::Column::Id.is_in(questions))
                .select_only()
                .column(question::Column::Id)
                .column(question::Column::Votes)
                .into_tuple()
                .all(bus.db())
                .await
            {
                Ok(rows) => rows,
                Err(err) => {
                    tracing::warn!(error = %err, "live: counts not read");
                    continue;
                }
            }
        };
        let watching = here + elsewhere(hub, bus.node(), session);
        fan_out(hub, session, &LiveUpdate::Counts { watching, votes });
    }
}

/// Tells the other processes how many watch each session here (PostgreSQL only: on
/// SQLite there is one process).
async fn report_presence(bus: &LiveBus, hub: &Hub) {
    if bus.db().get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return;
    }
    let counts: Vec<(i32, i64)> = hub
        .rooms
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(s, r)| (*s, r.sender.receiver_count() as i64))
        .collect();
    for (session, count) in counts {
        let signal = Signal::Watching {
            node: bus.node().to_string(),
            session,
            count,
        };
        if let Err(err) = send(bus, &signal).await {
            tracing::warn!(error = %err, "live: presence not sent");
        }
    }
}
