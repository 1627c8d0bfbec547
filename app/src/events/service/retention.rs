//! What events stop keeping: guests' details, some time after their event.

use crate::{error::AppResult, events::entity::signup};
use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// What an anonymised guest sign-up shows for a name.
pub const FORMER_GUEST: &str = "A former guest";
/// Anonymised rows' addresses start so: unique per row (one per slot and address) and
/// not an address.
const ANONYMISED: &str = "anonymised-";

/// Anonymises guest sign-ups (no account) whose event started before `before`: name,
/// address, phone, postcode and referrer go; the row stays, so the event's numbers do.
/// Returns how many.
pub async fn anonymise_guest_signups(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> AppResult<u64> {
    Ok(signup::Entity::update_many()
        .col_expr(signup::Column::Name, Expr::val(FORMER_GUEST))
        .col_expr(
            signup::Column::Email,
            Expr::cust(format!("'{ANONYMISED}' || CAST(id AS TEXT)")),
        )
        .col_expr(signup::Column::Phone, Expr::cust("NULL"))
        .col_expr(signup::Column::Postcode, Expr::cust("NULL"))
        .col_expr(signup::Column::ReferrerId, Expr::cust("NULL"))
        .filter(signup::Column::PersonId.is_null())
        .filter(signup::Column::StartsAt.lt(before))
        .filter(signup::Column::Email.not_like(format!("{ANONYMISED}%")))
        .exec(db)
        .await?
        .rows_affected)
}
