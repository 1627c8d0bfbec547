//! Writes chunks as they arrive, each in one transaction, and says how far it has got.

use super::generate::Chunk;
use app::db::begin_write;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr};
use std::{
    collections::VecDeque,
    time::{Duration, Instant},
};
use tokio::{sync::mpsc::Receiver, task::JoinHandle};

/// Rows written so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub people: u64,
    pub events: u64,
    pub slots: u64,
    pub signups: u64,
    pub groups: u64,
    pub members: u64,
    pub threads: u64,
    pub posts: u64,
    pub friendships: u64,
}

/// The totals the progress line counts towards.
pub struct Progress {
    pub people: u64,
    pub groups: u64,
    pub events: u64,
    pub signups: u64,
    /// About how many friendships (the generator makes about this many).
    pub friendships: u64,
    pub show: bool,
}

/// SQLite page cache per connection for a big load (KiB): the random-order indexes
/// (emails, cancel tokens) then stay in memory instead of being re-read page by page.
const BULK_CACHE_KIB: u64 = 512 * 1024;
/// Reading the file through a memory map saves a system call per page missed.
const BULK_MMAP_BYTES: u64 = 8 << 30;

/// Chunks written at once on PostgreSQL (one per core here); SQLite has one writer.
const POSTGRES_WRITERS: usize = 2;

/// Writes every chunk from `from`; returns the rows written.
pub async fn load(
    db: &DatabaseConnection,
    mut from: Receiver<Chunk>,
    progress: &Progress,
) -> Result<Written, DbErr> {
    let started = Instant::now();
    let mut last_shown = started;
    let mut written = Written::default();
    let backend = db.get_database_backend();
    let bulk =
        progress.signups + progress.friendships >= 100_000 && backend == DatabaseBackend::Sqlite;
    let writers = if backend == DatabaseBackend::Postgres {
        POSTGRES_WRITERS
    } else {
        1
    };
    let mut in_flight: VecDeque<JoinHandle<Result<Written, DbErr>>> = VecDeque::new();
    while let Some(chunk) = from.recv().await {
        // People go in before any other chunk starts: everything else refers to them.
        let people_chunk = chunk.people > 0;
        while in_flight.len() >= writers || (people_chunk && !in_flight.is_empty()) {
            add(
                &mut written,
                in_flight.pop_front(),
                progress,
                started,
                &mut last_shown,
            )
            .await?;
        }
        let task = tokio::spawn(write_chunk(db.clone(), chunk, bulk));
        in_flight.push_back(task);
        if people_chunk {
            add(
                &mut written,
                in_flight.pop_front(),
                progress,
                started,
                &mut last_shown,
            )
            .await?;
        }
    }
    while !in_flight.is_empty() {
        add(
            &mut written,
            in_flight.pop_front(),
            progress,
            started,
            &mut last_shown,
        )
        .await?;
    }
    Ok(written)
}

/// Writes one chunk in one transaction; returns its row counts.
async fn write_chunk(db: DatabaseConnection, chunk: Chunk, bulk: bool) -> Result<Written, DbErr> {
    let txn = begin_write(&db).await?;
    if bulk {
        txn.execute_unprepared(&format!(
            "PRAGMA cache_size = -{BULK_CACHE_KIB}; PRAGMA mmap_size = {BULK_MMAP_BYTES}"
        ))
        .await?;
    }
    for statement in &chunk.statements {
        txn.execute_unprepared(statement).await?;
    }
    txn.commit().await?;
    Ok(Written {
        people: chunk.people,
        events: chunk.events,
        slots: chunk.slots,
        signups: chunk.signups,
        groups: chunk.groups,
        members: chunk.members,
        threads: chunk.threads,
        posts: chunk.posts,
        friendships: chunk.friendships,
    })
}

/// Waits for a chunk's task, adds its rows, and shows progress every two seconds.
async fn add(
    written: &mut Written,
    task: Option<JoinHandle<Result<Written, DbErr>>>,
    progress: &Progress,
    started: Instant,
    last_shown: &mut Instant,
) -> Result<(), DbErr> {
    let Some(task) = task else { return Ok(()) };
    let done = task
        .await
        .map_err(|e| DbErr::Custom(format!("seed writer failed: {e}")))??;
    written.people += done.people;
    written.events += done.events;
    written.slots += done.slots;
    written.signups += done.signups;
    written.groups += done.groups;
    written.members += done.members;
    written.threads += done.threads;
    written.posts += done.posts;
    written.friendships += done.friendships;
    if progress.show && last_shown.elapsed() >= Duration::from_secs(2) {
        *last_shown = Instant::now();
        eprintln!(
            "{:>5.0} s  people {:>8}/{}  groups {:>6}/{}  events {:>7}/{}  sign-ups {:>9}/{}  friendships {:>9}/~{}",
            started.elapsed().as_secs_f64(),
            written.people,
            progress.people,
            written.groups,
            progress.groups,
            written.events,
            progress.events,
            written.signups,
            progress.signups,
            written.friendships,
            progress.friendships,
        );
    }
    Ok(())
}

/// After a bulk load: PostgreSQL's id sequences follow on from the seeded ids (SQLite's
/// follow by themselves), and both databases refresh the statistics their planners use.
pub async fn finish(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Postgres {
        for table in [
            "people",
            "person_roles",
            "events",
            "event_slots",
            "signups",
            "groups",
            "group_members",
            "forum_threads",
            "forum_posts",
            "friendships",
        ] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .await?;
        }
    }
    if db.get_database_backend() == DatabaseBackend::Postgres {
        // VACUUM also marks the freshly loaded pages all-visible, so PostgreSQL can answer
        // from covering indexes alone (index-only scans) from the first request.
        db.execute_unprepared("VACUUM ANALYZE").await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
    }
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        // Leave one self-contained file: a copy of it needs no -wal beside it.
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    Ok(())
}
