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

/// Of `addresses`, those suppressed on `channel`, as they are or as the one-way hash an
/// erased person's objection is kept under.
pub async fn suppressed_among(
    db: &impl ConnectionTrait,
    channel: Channel,
    addresses: &[String],
) -> AppResult<HashSet<String>> {
    let mut found = HashSet::new();
    for chunk in addresses.chunks(250) {
        let hashed: Vec<(String, &String)> = chunk
            .iter()
            .map(|address| (address_hash(channel, address), address))
            .collect();
        let keys = chunk
            .iter()
            .cloned()
            .chain(hashed.iter().map(|(hash, _)| hash.clone()));
        let rows = suppression::Entity::find()
            .filter(suppression::Column::Channel.eq(channel))
            .filter(suppression::Column::Address.is_in(keys))
            .all(db)
            .await?;
        for row in rows {
            match hashed.iter().find(|(hash, _)| *hash == row.address) {
                Some((_, address)) => found.insert((*address).clone()),
                None => found.insert(row.address),
            };
        }
    }
    Ok(found)
}

/// The one-way hash an address is kept under once its owner is erased.
pub fn address_hash(channel: Channel, address: &str) -> String {
    let key = format!("{}:{}", channel.as_str(), address.trim().to_lowercase());
    format!("sha256:{}", crate::tokens::hash_token(&key))
}

/// At erasure: turns the suppressions of `addresses` into one-way hashes, and keeps each
/// of `objections` (contacts that said no) as a hashed suppression, so that neither is
/// ever sent to again by mistake and neither can be read back. Call it inside the
/// erasure's transaction.
pub async fn keep_as_hashes(
    db: &impl ConnectionTrait,
    addresses: &[(Channel, String)],
    objections: &[(Channel, String)],
) -> AppResult<()> {
    for (channel, address) in addresses {
        let rows = suppression::Entity::find()
            .filter(suppression::Column::Channel.eq(*channel))
            .filter(suppression::Column::Address.eq(address.clone()))
            .all(db)
            .await?;
        for row in rows {
            suppression::Entity::delete_by_id(row.id).exec(db).await?;
            suppress(
                db,
                *channel,
                &address_hash(*channel, address),
                &row.reason,
                "",
            )
            .await?;
        }
    }
    for (channel, address) in objections {
        suppress(
            db,
            *channel,
            &address_hash(*channel, address),
            "objected",
            "",
        )
        .await?;
    }
    Ok(())
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
