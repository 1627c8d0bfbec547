//! Password reset by an emailed, one-use, hour-long link.

use super::{accounts::get_person_by_email, passwords, sessions};
use crate::tokens;
use crate::{
    auth::entity::{password_reset, person},
    error::{AppError, AppResult},
    mail::{queue_templated, Template},
    validate::NewPassword,
};
use chrono::{Duration, Utc};
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

/// How long a reset link works.
pub const RESET_LINK_MINUTES: i64 = 60;

/// Emails a reset link if the address has an account. Says nothing either way, so the
/// form cannot be used to find out who has an account.
pub async fn request_password_reset(
    db: &impl ConnectionTrait,
    email: &str,
    public_url: &str,
) -> AppResult<()> {
    let Some(found) = get_person_by_email(db, email).await? else {
        return Ok(());
    };
    let token = tokens::new_token();
    let now = Utc::now();
    password_reset::ActiveModel {
        person_id: Set(found.id),
        token_hash: Set(tokens::hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(RESET_LINK_MINUTES)),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let link = format!(
        "{}/reset-password/{token}",
        public_url.trim_end_matches('/')
    );
    let values = context! { name => &found.name, link };
    queue_templated(db, &found.email, Template::ResetPassword, values).await
}

/// Sets a new password from a reset link, uses the link up, and signs the person out
/// everywhere. Returns the person.
pub async fn reset_password<C>(db: &C, token: &str, new_password: &str) -> AppResult<person::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let expired = || {
        AppError::invalid(
            "token",
            "This reset link has expired or was already used. Ask for a new one.",
        )
    };
    let reset = password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(tokens::hash_token(token)))
        .one(db)
        .await?
        .ok_or_else(expired)?;
    if reset.used_at.is_some() || reset.expires_at < Utc::now() {
        return Err(expired());
    }
    let found = person::Entity::find_by_id(reset.person_id)
        .one(db)
        .await?
        .ok_or_else(expired)?;
    let password = NewPassword::parse("password", new_password, Some(&found.email))?;
    let hash = passwords::hash_password(password.expose()).await?;

    let txn = db.begin().await?;
    // The guard is in the UPDATE: of two racing uses of one link, only one changes a row.
    let claimed = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Utc::now().into())
        .filter(password_reset::Column::Id.eq(reset.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(expired());
    }
    // Any other link still in someone's inbox would reset the new password too.
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Utc::now().into())
        .filter(password_reset::Column::PersonId.eq(reset.person_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    let mut active: person::ActiveModel = found.into();
    active.password_hash = Set(hash);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    sessions::delete_sessions_for_person(&txn, updated.id).await?;
    txn.commit().await?;
    Ok(updated)
}
