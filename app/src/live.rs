//! The live bus: signals that every server process must hear (a vote, an answer), for
//! pages that update while people watch. On PostgreSQL a signal is a NOTIFY on one
//! channel, so it reaches every process on the same database with no new service; on
//! SQLite (one process) it goes straight to this process. Knows no domain: a signal is a
//! topic and a payload, and each domain keeps its own per-process state as a `part`.

use crate::error::AppResult;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::{
    any::{Any, TypeId},
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};
use tokio::sync::{broadcast, watch};

/// PostgreSQL's channel for every live signal.
const CHANNEL: &str = "membersnet_live";
/// Signals waiting for a slow reader in this process before it misses some.
const BACKLOG: usize = 8_192;

/// A signal: its topic, and its payload (a domain's own text, under 8,000 bytes).
pub type Signal = (Arc<str>, Arc<str>);

/// One process's end of the bus. Cheap to clone.
#[derive(Clone)]
pub struct LiveBus(Arc<Inner>);

struct Inner {
    db: DatabaseConnection,
    node: String,
    local: broadcast::Sender<Signal>,
    listening: OnceLock<()>,
    /// Turns true when the process stops, so long-lived streams end and let it.
    closing: watch::Sender<bool>,
    parts: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

impl LiveBus {
    pub fn new(db: DatabaseConnection) -> Self {
        let (local, _) = broadcast::channel(BACKLOG);
        Self(Arc::new(Inner {
            db,
            node: crate::tokens::new_token(),
            local,
            listening: OnceLock::new(),
            closing: watch::channel(false).0,
            parts: Mutex::new(HashMap::new()),
        }))
    }

    /// This process's name on the bus (random), for signals about itself.
    pub fn node(&self) -> &str {
        &self.0.node
    }

    /// The database the bus signals through.
    pub fn db(&self) -> &DatabaseConnection {
        &self.0.db
    }

    /// Sends a signal to every process (this one included).
    pub async fn publish(&self, topic: &str, payload: &str) -> AppResult<()> {
        if self.is_postgres() {
            self.0
                .db
                .execute_raw(Statement::from_sql_and_values(
                    DatabaseBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [CHANNEL.into(), format!("{topic}\n{payload}").into()],
                ))
                .await?;
        } else {
            // No reader yet is no error: nobody here is watching.
            let _ = self.0.local.send((topic.into(), payload.into()));
        }
        Ok(())
    }

    /// Every signal from now on, from every process. On PostgreSQL the first call starts
    /// this process's listener.
    fn signals(&self) -> broadcast::Receiver<Signal> {
        let receiver = self.0.local.subscribe();
        if self.is_postgres() {
            self.0.listening.get_or_init(|| {
                tokio::spawn(relay_notifications(self.clone()));
            });
        }
        receiver
    }

    /// One topic's signals from every process, until this one stops: what each domain's
    /// relay reads.
    pub fn listen(&self, topic: &'static str) -> TopicListener {
        TopicListener {
            topic,
            signals: self.signals(),
            closing: self.closing(),
        }
    }

    /// Ends every stream reading the bus in this process (it is stopping).
    pub fn close(&self) {
        self.0.closing.send_replace(true);
    }

    /// Whether the process is stopping, for streams that should end when it does.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.0.closing.subscribe()
    }

    /// A domain's state in this process, made on first use.
    pub fn part<T: Any + Send + Sync>(&self, make: impl FnOnce() -> T) -> Arc<T> {
        let mut parts = self.0.parts.lock().unwrap_or_else(|e| e.into_inner());
        let part = parts
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(make()))
            .clone();
        part.downcast::<T>()
            .unwrap_or_else(|_| unreachable!("keyed by its own type"))
    }

    fn is_postgres(&self) -> bool {
        self.0.db.get_database_backend() == DatabaseBackend::Postgres
    }
}

/// What a topic's listener heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heard {
    /// A signal's payload.
    Signal(Arc<str>),
    /// Signals were lost while this reader was slow: whatever they would have changed
    /// must be read afresh.
    Missed,
}

/// One topic's signals (see `LiveBus::listen`).
pub struct TopicListener {
    topic: &'static str,
    signals: broadcast::Receiver<Signal>,
    closing: watch::Receiver<bool>,
}

impl TopicListener {
    /// The next signal on the topic; None once the process is stopping.
    pub async fn next(&mut self) -> Option<Heard> {
        loop {
            if *self.closing.borrow() {
                return None;
            }
            let received = tokio::select! {
                received = self.signals.recv() => received,
                _ = self.closing.changed() => return None,
            };
            match received {
                Ok((topic, payload)) if &*topic == self.topic => {
                    return Some(Heard::Signal(payload))
                }
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => return Some(Heard::Missed),
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

/// Listens on PostgreSQL and hands each notification to this process's readers; if the
/// connection drops, waits a moment and listens again.
async fn relay_notifications(bus: LiveBus) {
    use sea_orm::sqlx::postgres::PgListener;
    loop {
        let pool = bus.0.db.get_postgres_connection_pool().clone();
        let listened = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(CHANNEL).await?;
            loop {
                let note = listener.recv().await?;
                if let Some((topic, payload)) = note.payload().split_once('\n') {
                    let _ = bus.0.local.send((topic.into(), payload.into()));
                }
            }
            #[allow(unreachable_code)]
            Ok::<(), sea_orm::sqlx::Error>(())
        };
        if let Err(err) = listened.await {
            tracing::warn!(error = %err, "live bus: listening again");
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}
