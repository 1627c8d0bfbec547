//! The live schema, read from the database itself: the registry's test compares every
//! table and column here with what the domains declared.

use crate::error::AppResult;
use sea_orm::{ConnectionTrait, DatabaseBackend, FromQueryResult, Statement};

/// One column of one table, with its declared type as the database names it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct LiveColumn {
    pub table_name: String,
    pub column_name: String,
    pub data_type: String,
}

/// Every column of every table of ours (not the migrations' bookkeeping).
pub async fn live_columns(db: &impl ConnectionTrait) -> AppResult<Vec<LiveColumn>> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => {
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS data_type \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name <> 'seaql_migrations' ORDER BY m.name, p.cid"
        }
        _ => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
             data_type::text AS data_type FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name <> 'seaql_migrations' \
             ORDER BY table_name, ordinal_position"
        }
    };
    Ok(
        LiveColumn::find_by_statement(Statement::from_string(backend, sql))
            .all(db)
            .await?,
    )
}

impl LiveColumn {
    /// Whether the column holds text (where a name or an address could hide).
    pub fn is_text(&self) -> bool {
        let t = self.data_type.to_lowercase();
        t.contains("char") || t.contains("text") || t.contains("clob")
    }
}
