//! Fundraising's own erasure step. A gift that never needed a permissibility check loses
//! its donor's name, email and address (the amount and date stay, for the accounts); a
//! gift that was checked, or waits for a check, is kept whole, as the law on political
//! donations requires (UK GDPR article 17(3)(b)), and the privacy notice says so.

use crate::{
    error::AppResult,
    fundraising::{entity::donation, model::CheckState},
};
use sea_orm::{sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// What an erased donor's small gifts say instead of their name.
pub const ERASED_DONOR: &str = "A donor who asked to be forgotten";

/// Forgets the donor at `email` on every gift the law does not ask us to keep. Call it
/// inside the erasure's transaction. Returns the gifts changed.
pub async fn forget_donor(db: &impl ConnectionTrait, email: &str) -> AppResult<u64> {
    let done = donation::Entity::update_many()
        .col_expr(donation::Column::DonorName, Expr::value(ERASED_DONOR))
        .col_expr(donation::Column::DonorEmail, Expr::value(""))
        .col_expr(donation::Column::DonorAddress, Expr::value(""))
        .col_expr(donation::Column::DonorPostcode, Expr::value(""))
        .col_expr(
            donation::Column::ManageTokenHash,
            Expr::value(Option::<String>::None),
        )
        .filter(donation::Column::DonorEmail.eq(email.trim().to_lowercase()))
        .filter(donation::Column::CheckState.eq(CheckState::NotNeeded.as_str()))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
