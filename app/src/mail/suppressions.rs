//! Bounced addresses and dead numbers: marked once, skipped by every later send.

use super::{entity::suppression, model::Channel};
use crate::error::AppResult;
use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait, OnConflict, Query, SimpleExpr},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
};
use std::collections::HashSet;

/// Marks `address` on `channel` as not to be sent to ("bounced", "dead").
pub async fn suppress(
    db: &impl ConnectionTrait,
    channel: Channel,
    address: &str,
    reason: &str,
    detail: &str,
) -> AppResult<()> {
    suppression::Entity::insert(suppression::ActiveModel {
        channel: Set(channel),
        address: Set(address.to_string()),
        reason: Set(reason.to_string()),
        detail: Set(Some(detail.chars().take(300).collect())),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([suppression::Column::Channel, suppression::Column::Address])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Of `addresses`, those suppressed on `channel`.
pub async fn suppressed_among(
    db: &impl ConnectionTrait,
    channel: Channel,
    addresses: &[String],
) -> AppResult<HashSet<String>> {
    let mut found = HashSet::new();
    for chunk in addresses.chunks(500) {
        let rows = suppression::Entity::find()
            .filter(suppression::Column::Channel.eq(channel))
            .filter(suppression::Column::Address.is_in(chunk.iter().cloned()))
            .all(db)
            .await?;
        found.extend(rows.into_iter().map(|r| r.address));
    }
    Ok(found)
}

/// A condition for other modules' queries: `address` is not suppressed on `channel`.
pub fn not_suppressed(channel: Channel, address: SimpleExpr) -> SimpleExpr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(suppression::Entity)
            .and_where(Expr::col((suppression::Entity, suppression::Column::Channel)).eq(channel))
            .and_where(Expr::col((suppression::Entity, suppression::Column::Address)).eq(address))
            .to_owned(),
    )
    .not()
}
