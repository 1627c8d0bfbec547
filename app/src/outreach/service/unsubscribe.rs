//! Unsubscribe links: one per delivery, signed so they cannot be guessed, working
//! without sign-in from the email's footer and as a one-click POST (RFC 8058).
//! Unsubscribing withdraws email consent for the message's scope.

use crate::consent::service::{emails_with_consent, record_consent, ConsentChoice};
use crate::{
    consent::model::{mask_email, PARTY_SCOPE},
    error::{AppError, AppResult},
    groups::service::lookups::group_ref,
    outreach::{
        entity::{message, message_delivery},
        model::{Channel, UnsubscribeView},
    },
    site_settings,
};
use sea_orm::{ConnectionTrait, EntityTrait, TransactionSession, TransactionTrait};
use sha2::{Digest, Sha256};

const SECRET_NAME: &str = "unsubscribe_secret";
pub const UNSUBSCRIBE_WORDING: &str = "Unsubscribed with the link in an email.";

/// The signing key, read once per delivery batch.
pub async fn signing_key(db: &impl ConnectionTrait) -> AppResult<String> {
    site_settings::secret(db, SECRET_NAME).await
}

/// The token in delivery `id`'s unsubscribe link.
pub fn token_for(key: &str, delivery_id: i32, email: &str) -> String {
    let digest = Sha256::digest(format!("{key}:{delivery_id}:{email}").as_bytes());
    format!("{delivery_id}-{}", &hex::encode(digest)[..24])
}

/// The delivery a token is for, if the token is genuine.
async fn delivery_of(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<(message_delivery::Model, message::Model)> {
    let id: i32 = token
        .split_once('-')
        .and_then(|(id, _)| id.parse().ok())
        .ok_or(AppError::NotFound)?;
    let delivery = message_delivery::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let key = signing_key(db).await?;
    if token_for(&key, id, &delivery.email) != token {
        return Err(AppError::NotFound);
    }
    let found = message::Entity::find_by_id(delivery.message_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((delivery, found))
}

/// Who a scope is: the group's name, or the party.
async fn scope_label(db: &impl ConnectionTrait, group_id: Option<i32>) -> AppResult<String> {
    Ok(match group_id {
        Some(id) => group_ref(db, id)
            .await?
            .map_or_else(|| "this group".to_string(), |g| g.name),
        None => "the party".to_string(),
    })
}

/// What a link would unsubscribe, and whether it still would.
pub async fn describe(db: &impl ConnectionTrait, token: &str) -> AppResult<UnsubscribeView> {
    let (delivery, found) = delivery_of(db, token).await?;
    let scope = crate::consent::model::scope_of(found.group_id);
    let live = emails_with_consent(
        db,
        std::slice::from_ref(&delivery.email),
        Channel::Email,
        scope,
    )
    .await?;
    Ok(UnsubscribeView {
        masked_email: mask_email(&delivery.email),
        scope_label: scope_label(db, found.group_id).await?,
        subscribed: live.contains(&delivery.email),
    })
}

/// Withdraws email consent for the link's scope (again is harmless).
pub async fn unsubscribe<C>(db: &C, token: &str, source: &str) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (delivery, found) = delivery_of(db, token).await?;
    let scope = crate::consent::model::scope_of(found.group_id);
    // The ledger row and the choice in force are written together or not at all.
    let txn = crate::db::begin_write(db).await?;
    record_consent(
        &txn,
        ConsentChoice {
            email: &delivery.email,
            person_id: delivery.person_id,
            channel: Channel::Email,
            scope,
            granted: false,
            wording: UNSUBSCRIBE_WORDING,
            source: &format!("{source}:message:{}", found.id),
            phone: None,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        message_id = found.id,
        national = (scope == PARTY_SCOPE),
        "unsubscribed"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_depend_on_the_key_the_delivery_and_the_address() {
        let token = token_for("k", 7, "a@example.org");
        assert!(token.starts_with("7-"));
        assert_ne!(token, token_for("other", 7, "a@example.org"));
        assert_ne!(token, token_for("k", 7, "b@example.org"));
    }
}
