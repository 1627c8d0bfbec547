//! Erasure as the registry says: for each link, delete the rows or empty their personal
//! columns. The domains' own steps (`Erase::ByDomain`) run before this, in the same
//! transaction.

use super::{
    finders::condition,
    registry::{Erase, PersonalTable, Subject},
};
use crate::error::AppResult;
use sea_orm::{
    sea_query::{Alias, Expr, Func, Query, SimpleExpr},
    ConnectionTrait,
};

/// What stands in for a redacted address, number or name.
pub const REDACTED: &str = "[removed]";

/// `column` with every mention of the subject cut out: REPLACE, nested once per word
/// (the same function on SQLite and PostgreSQL).
fn redacted(column: &'static str, subject: &Subject) -> SimpleExpr {
    let words = [&subject.email, &subject.phone, &subject.name];
    words
        .into_iter()
        .flatten()
        .fold(Expr::col(Alias::new(column)), |text, word| {
            Func::cust(Alias::new("REPLACE"))
                .arg(text)
                .arg(word.clone())
                .arg(REDACTED)
                .into()
        })
}

/// Erases `subject` from every registered table, in registry order (rows that others
/// point to come after the rows pointing at them). `former_member` is the account that
/// keeps authorship where a row must keep one. Returns how many rows changed.
pub async fn erase_everywhere(
    db: &impl ConnectionTrait,
    registry: &[&PersonalTable],
    subject: &Subject,
    former_member: i32,
) -> AppResult<u64> {
    let backend = db.get_database_backend();
    let mut changed = 0;
    for table in registry {
        let name = Alias::new(table.table);
        for link in table.links {
            let Some(found) = condition(link.by, subject) else {
                continue;
            };
            let statement = match link.erase {
                Erase::Delete => {
                    backend.build(Query::delete().from_table(name.clone()).cond_where(found))
                }
                Erase::Clear(columns) => backend.build(
                    Query::update()
                        .table(name.clone())
                        .values(columns.iter().map(|c| (Alias::new(*c), Expr::cust("NULL"))))
                        .cond_where(found),
                ),
                Erase::Redact(columns) => backend.build(
                    Query::update()
                        .table(name.clone())
                        .values(
                            columns
                                .iter()
                                .map(|c| (Alias::new(*c), redacted(c, subject))),
                        )
                        .cond_where(found),
                ),
                Erase::FormerMember(columns) => backend.build(
                    Query::update()
                        .table(name.clone())
                        .values(
                            columns
                                .iter()
                                .map(|c| (Alias::new(*c), Expr::val(former_member))),
                        )
                        .cond_where(found),
                ),
                Erase::ByDomain(_) => continue,
            };
            changed += db.execute_raw(statement).await?.rows_affected();
        }
    }
    Ok(changed)
}

/// Whether erasing `subject` needs the "a former member" account: some row of theirs
/// keeps its authorship (`Erase::FormerMember`).
pub async fn needs_former_member(
    db: &impl ConnectionTrait,
    registry: &[&PersonalTable],
    subject: &Subject,
) -> AppResult<bool> {
    let backend = db.get_database_backend();
    for table in registry {
        for link in table.links {
            let (Erase::FormerMember(_), Some(found)) = (link.erase, condition(link.by, subject))
            else {
                continue;
            };
            let query = Query::select()
                .expr(Expr::val(1))
                .from(Alias::new(table.table))
                .cond_where(found)
                .limit(1)
                .to_owned();
            if db.query_one_raw(backend.build(&query)).await?.is_some() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}
