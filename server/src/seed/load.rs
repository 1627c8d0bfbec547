//! Writes chunks as they arrive, each in one transaction, and says how far it has got.

use super::generate::Chunk;
use app::db::begin_write;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::Receiver;

/// Rows written so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub people: u64,
    pub events: u64,
    pub slots: u64,
    pub signups: u64,
}

/// The totals the progress line counts towards.
pub struct Progress {
    pub people: u64,
    pub events: u64,
    pub signups: u64,
    pub show: bool,
}

/// Writes every chunk from `from`; returns the rows written.
pub async fn load(
    db: &DatabaseConnection,
    mut from: Receiver<Chunk>,
    progress: &Progress,
) -> Result<Written, DbErr> {
    let started = Instant::now();
    let mut last_shown = started;
    let mut written = Written::default();
    while let Some(chunk) = from.recv().await {
        let txn = begin_write(db).await?;
        for statement in &chunk.statements {
            txn.execute_unprepared(statement).await?;
        }
        txn.commit().await?;
        written.people += chunk.people;
        written.events += chunk.events;
        written.slots += chunk.slots;
        written.signups += chunk.signups;
        if progress.show && last_shown.elapsed() >= Duration::from_secs(2) {
            last_shown = Instant::now();
            eprintln!(
                "{:>5.0} s  people {:>8}/{}  events {:>7}/{}  sign-ups {:>9}/{}",
                started.elapsed().as_secs_f64(),
                written.people,
                progress.people,
                written.events,
                progress.events,
                written.signups,
                progress.signups,
            );
        }
    }
    Ok(written)
}

/// After a bulk load: PostgreSQL's id sequences follow on from the seeded ids (SQLite's
/// follow by themselves), and both databases refresh the statistics their planners use.
pub async fn finish(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        for table in ["people", "person_roles", "events", "event_slots", "signups"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .await?;
        }
    }
    db.execute_unprepared("ANALYZE").await?;
    Ok(())
}
