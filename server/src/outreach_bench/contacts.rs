//! Bench contacts: `bench-N@bench.example`, each with party-wide email consent, added in
//! multi-row INSERTs until there are as many as asked for.

use crate::{commands::BoxError, seed::sql::Batch};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

/// Makes sure contacts 0..`count` exist; returns how many were added.
pub async fn ensure(db: &DatabaseConnection, count: u64) -> Result<u64, BoxError> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM consent_current WHERE email LIKE 'bench-%'".to_string(),
        ))
        .await?
        .ok_or("count")?;
    let have = row.try_get::<i64>("", "n")? as u64;
    let now = Utc::now();
    let mut start = have;
    while start < count {
        let end = Ord::min(start + 50_000, count);
        let mut current = Batch::new(
            "consent_current",
            &[
                "email",
                "channel",
                "scope",
                "granted",
                "person_id",
                "phone",
                "updated_at",
            ],
        );
        for n in start..end {
            current
                .row()
                .text(&format!("bench-{n}@bench.example"))
                .text("email")
                .text("party")
                .bool(true)
                .null()
                .null()
                .time(now);
        }
        let txn = sea_orm::TransactionTrait::begin(db).await?;
        for statement in current.take() {
            txn.execute_unprepared(&statement).await?;
        }
        txn.commit().await?;
        start = end;
    }
    Ok(count.saturating_sub(have))
}
