//! Database connection and migrations. One set of migrations runs on SQLite and PostgreSQL.

pub mod migrations;
pub mod packed;

pub use migrations::Migrator;
use sea_orm::{
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr,
};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// Connections to a SQLite file: enough for concurrent readers on two cores; writers
/// take turns inside SQLite anyway.
const SQLITE_POOL_SIZE: u32 = 4;

/// Page cache per SQLite connection, in KiB (negative, as SQLite takes it).
const SQLITE_CACHE_KIB: &str = "-16384";

/// How much of a SQLite file is read through a memory map, in bytes: SQLite's own ceiling
/// (2 GiB). Pages are then read in place from the kernel's page cache, shared by every
/// connection, instead of copied by a system call into each connection's cache (a
/// person's suggestions: 8.5 → 6.0 ms at the median on the benchmark database). Mapped
/// pages count in the process's resident memory, but they are the kernel's file cache,
/// which it can drop, not the server's own memory.
const SQLITE_MMAP_BYTES: &str = "2147418112";

/// Rows SQLite's worker thread may hand over before it waits for the query's caller to
/// take them. sqlx's default of 50 makes a thousand-row read stop and wake the caller
/// twenty times over (a person's friends' events, 1,114 rows: 2.0 → 1.5 ms at the median,
/// 3.7 → 2.3 ms at p99). A streamed export holds at most this many rows in memory.
const SQLITE_ROW_BUFFER: usize = 4096;

/// Connects to `url` (sqlite://… or postgres://…) and brings the schema up to date.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_string());
    options.sqlx_logging(false);
    if url.starts_with("sqlite:") {
        configure_sqlite(
            &mut options,
            url.contains(":memory:") || url.contains("mode=memory"),
        );
    }
    let db = Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// SQLite settings. sea-orm's default is one connection, which queues every request
/// behind the last; WAL lets readers carry on while one writer writes, synchronous=NORMAL
/// is safe with WAL, and a ping before each query only doubles the round trips to
/// SQLite's worker thread. An in-memory database exists per connection, so it keeps one.
/// Each connection keeps 16 MB of pages (SQLite's default is 2 MB): a person's
/// suggestions visit about a thousand events' pages, and with the default every query
/// read most of them again from the kernel (friends' events 7 ms → 3 ms).
fn configure_sqlite(options: &mut ConnectOptions, in_memory: bool) {
    options
        .max_connections(if in_memory { 1 } else { SQLITE_POOL_SIZE })
        .test_before_acquire(false);
    if !in_memory {
        options.map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", SQLITE_CACHE_KIB)
                .pragma("mmap_size", SQLITE_MMAP_BYTES)
                .row_buffer_size(SQLITE_ROW_BUFFER)
        });
    }
}

/// Whether a database error is a unique-key violation.
pub fn is_unique_violation(err: &DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

/// A turn to write, on SQLite: take it before `begin_write` and keep it until the commit
/// on paths many callers write at once (a phonebank's calls). SQLite has one writer; a
/// writer that finds it busy sleeps in SQLite's busy handler (1, 2, 5 … 100 ms) and may
/// lose the race again, which under load was most of a save's time at the tail. Taking
/// turns here, in order, they queue instead. One turn for the whole process (SQLite is
/// one process); PostgreSQL needs none.
pub async fn sqlite_write_turn(
    db: &impl ConnectionTrait,
) -> Option<tokio::sync::MutexGuard<'static, ()>> {
    static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    if db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
        Some(TURN.lock().await)
    } else {
        None
    }
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once
/// (BEGIN IMMEDIATE): a deferred transaction that reads first and writes later fails with
/// "database is locked" when another writer got there in between, instead of waiting.
pub async fn begin_write<C: sea_orm::TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(sea_orm::TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}
