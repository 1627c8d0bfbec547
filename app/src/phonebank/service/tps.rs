//! TPS screening: staff upload the register with its date; it counts for 28 days. Only
//! the latest screening is kept: each upload replaces the one before, in one transaction.

use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    phonebank::{
        entity::{tps_number, tps_screening},
        tps_file::read_screening,
    },
};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    sea_query::{Expr, Query, SimpleExpr},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use std::collections::HashSet;

/// A screening counts for this many days after its date.
pub const SCREENING_COUNTS_FOR_DAYS: i64 = 28;

/// The result of an upload, for the staff page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    pub numbers: usize,
    pub unreadable: usize,
}

/// Replaces the screening with `file` (one number per line), screened on `screened_on`.
pub async fn upload_screening<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    staff_id: i32,
    screened_on: NaiveDate,
    file: &str,
    today: NaiveDate,
) -> AppResult<Uploaded> {
    if screened_on > today {
        return Err(AppError::invalid(
            "screened_on",
            "A screening cannot be dated in the future.",
        ));
    }
    if today - screened_on > Duration::days(SCREENING_COUNTS_FOR_DAYS) {
        return Err(AppError::invalid(
            "screened_on",
            "That screening is more than 28 days old, so it would not count: screen again first.",
        ));
    }
    let (numbers, unreadable) = read_screening(file);
    if numbers.is_empty() {
        return Err(AppError::invalid(
            "file",
            "No UK telephone numbers were found in that file (one number per line).",
        ));
    }
    let now = Utc::now();
    let txn = begin_write(db).await?;
    tps_number::Entity::delete_many().exec(&txn).await?;
    tps_screening::Entity::delete_many().exec(&txn).await?;
    for chunk in numbers.chunks(500) {
        tps_number::Entity::insert_many(chunk.iter().map(|phone| tps_number::ActiveModel {
            phone: Set(phone.clone()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    tps_screening::ActiveModel {
        screened_on: Set(screened_on),
        numbers: Set(i32::try_from(numbers.len()).unwrap_or(i32::MAX)),
        uploaded_by: Set(Some(staff_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Uploaded {
        numbers: numbers.len(),
        unreadable,
    })
}

/// The latest screening, whether or not it still counts.
pub async fn latest_screening(
    db: &impl ConnectionTrait,
) -> AppResult<Option<tps_screening::Model>> {
    Ok(tps_screening::Entity::find()
        .order_by_desc(tps_screening::Column::ScreenedOn)
        .one(db)
        .await?)
}

/// Whether a screening dated `screened_on` still counts on `today`.
pub fn still_counts(screened_on: NaiveDate, today: NaiveDate) -> bool {
    screened_on <= today && today - screened_on <= Duration::days(SCREENING_COUNTS_FOR_DAYS)
}

/// In SQL: whether there is a screening that counts on `today` (so a query that hands
/// out calls needs no separate read for it).
pub fn screening_counts_on(today: NaiveDate) -> SimpleExpr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(tps_screening::Entity)
            .and_where(
                tps_screening::Column::ScreenedOn
                    .gte(today - Duration::days(SCREENING_COUNTS_FOR_DAYS)),
            )
            .and_where(tps_screening::Column::ScreenedOn.lte(today))
            .to_owned(),
    )
}

/// Whether there is a screening that counts today.
pub async fn screening_counts(db: &impl ConnectionTrait, today: NaiveDate) -> AppResult<bool> {
    Ok(latest_screening(db)
        .await?
        .is_some_and(|s| still_counts(s.screened_on, today)))
}

/// Of `numbers`, those listed in the latest screening.
pub async fn listed_among(
    db: &impl ConnectionTrait,
    numbers: &[String],
) -> AppResult<HashSet<String>> {
    let mut listed = HashSet::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<tps_number::Model> = tps_number::Entity::find()
            .filter(tps_number::Column::Phone.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        listed.extend(rows.into_iter().map(|r| r.phone));
    }
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_screening_counts_for_28_days() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(still_counts(day(1), day(29)));
        assert!(!still_counts(day(1), day(30)));
        assert!(!still_counts(day(5), day(4)));
    }
}
