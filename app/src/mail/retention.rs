//! What the mail base stops keeping: the words of delivered emails and texts, some time
//! after delivery. The delivery record (to whom, when, whether it arrived) stays.

use super::{
    entity::{outbox_email, outbox_text},
    model::OutboxStatus,
};
use crate::error::AppResult;
use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Empties the bodies of emails and texts delivered before `before`. Returns how many.
pub async fn strip_delivered_bodies(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> AppResult<u64> {
    let emails = outbox_email::Entity::update_many()
        .col_expr(outbox_email::Column::Body, Expr::val(""))
        .col_expr(outbox_email::Column::Html, Expr::cust("NULL"))
        .filter(outbox_email::Column::Status.eq(OutboxStatus::Sent))
        .filter(outbox_email::Column::SentAt.lt(before))
        .filter(outbox_email::Column::Body.ne(""))
        .exec(db)
        .await?
        .rows_affected;
    let texts = outbox_text::Entity::update_many()
        .col_expr(outbox_text::Column::Body, Expr::val(""))
        .filter(outbox_text::Column::Status.eq(OutboxStatus::Sent))
        .filter(outbox_text::Column::SentAt.lt(before))
        .filter(outbox_text::Column::Body.ne(""))
        .exec(db)
        .await?
        .rows_affected;
    Ok(emails + texts)
}
