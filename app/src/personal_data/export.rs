//! A person's rows, table by table, as the registry finds them: the download's content.

use super::{
    finders::condition,
    registry::{PersonalTable, Subject},
};
use crate::error::AppResult;
use sea_orm::{
    sea_query::{Alias, Asterisk, Cond, Query},
    ConnectionTrait, FromQueryResult, JsonValue,
};

/// One table's rows about a person, each row a JSON object of its columns.
pub struct TableRows {
    pub table: &'static str,
    pub what: &'static str,
    pub rows: Vec<serde_json::Map<String, JsonValue>>,
}

/// Every registered table's rows about `subject` that go into a download, in registry
/// order, leaving out columns the registry keeps back (secrets, other people's ids).
pub async fn rows_about(
    db: &impl ConnectionTrait,
    registry: &[&PersonalTable],
    subject: &Subject,
) -> AppResult<Vec<TableRows>> {
    let mut out = Vec::with_capacity(registry.len());
    for table in registry {
        out.push(TableRows {
            table: table.table,
            what: table.what,
            rows: table_rows(db, table, subject).await?,
        });
    }
    Ok(out)
}

async fn table_rows(
    db: &impl ConnectionTrait,
    table: &PersonalTable,
    subject: &Subject,
) -> AppResult<Vec<serde_json::Map<String, JsonValue>>> {
    let mut any = Cond::any();
    for link in table.links.iter().filter(|link| link.export) {
        if let Some(found) = condition(link.by, subject) {
            any = any.add(found);
        }
    }
    if any.is_empty() {
        return Ok(Vec::new());
    }
    let query = Query::select()
        .column(Asterisk)
        .from(Alias::new(table.table))
        .cond_where(any)
        .to_owned();
    let statement = db.get_database_backend().build(&query);
    let rows = JsonValue::find_by_statement(statement).all(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| match row {
            JsonValue::Object(mut columns) => {
                for hidden in table.not_exported {
                    columns.remove(*hidden);
                }
                Some(columns)
            }
            _ => None,
        })
        .collect())
}
