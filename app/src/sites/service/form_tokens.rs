//! Widget forms carry a signed, single-use token instead of a session, so widgets need no
//! cookie: the token names the form it was made for and when, signed with a secret every
//! server node shares; using it records its nonce, whose unique index makes a second use
//! fail.

use crate::{
    error::{AppError, AppResult},
    site_settings,
    sites::entity::form_use,
};
use chrono::{Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use sha2::Sha256;

const SECRET: &str = "widget_form_key";
/// How long a widget's form may stay open before it must be reloaded.
const VALID_FOR: Duration = Duration::hours(2);

/// A fresh token for the form `purpose` (such as "event:12").
pub async fn issue(db: &impl ConnectionTrait, purpose: &str) -> AppResult<String> {
    let secret = site_settings::secret(db, SECRET).await?;
    let nonce = hex::encode(rand::random::<[u8; 16]>());
    Ok(sign(&secret, purpose, Utc::now().timestamp(), &nonce))
}

/// Uses `token` for `purpose`: refused when forged, for another form, too old or used.
pub async fn use_token(db: &impl ConnectionTrait, purpose: &str, token: &str) -> AppResult<()> {
    let secret = site_settings::secret(db, SECRET).await?;
    let nonce = check(&secret, purpose, token, Utc::now().timestamp())?;
    if nonce.starts_with("00") {
        // Now and then, forget nonces too old to be used again anyway.
        form_use::Entity::delete_many()
            .filter(form_use::Column::CreatedAt.lt(Utc::now() - VALID_FOR * 2))
            .exec(db)
            .await?;
    }
    let inserted = form_use::Entity::insert(form_use::ActiveModel {
        nonce: Set(nonce.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await;
    match inserted {
        Ok(_) => Ok(()),
        Err(err) if crate::db::is_unique_violation(&err) => Err(AppError::conflict(
            "This form was already sent. Reload it to send it again.",
        )),
        Err(err) => Err(err.into()),
    }
}

fn sign(secret: &str, purpose: &str, issued: i64, nonce: &str) -> String {
    format!("{issued}.{nonce}.{}", mac(secret, purpose, issued, nonce))
}

fn mac(secret: &str, purpose: &str, issued: i64, nonce: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(format!("{purpose}|{issued}|{nonce}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The token's nonce, if it is genuine, for `purpose` and fresh at `now`.
fn check<'t>(secret: &str, purpose: &str, token: &'t str, now: i64) -> AppResult<&'t str> {
    let expired = || AppError::conflict("This form is out of date. Reload the page and try again.");
    let mut parts = token.splitn(3, '.');
    let (Some(issued), Some(nonce), Some(given)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(expired());
    };
    let issued: i64 = issued.parse().map_err(|_| expired())?;
    let expected = mac(secret, purpose, issued, nonce);
    // Compared in constant time: the difference must not leak through timing.
    let same = expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !same || nonce.len() != 32 || now - issued > VALID_FOR.num_seconds() || issued > now + 60 {
        return Err(expired());
    }
    Ok(nonce)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn a_token_is_good_only_for_its_form_and_for_two_hours() {
        let token = sign("s", "event:1", 1_000, NONCE);
        assert_eq!(check("s", "event:1", &token, 1_000).unwrap(), NONCE);
        assert!(check("s", "event:2", &token, 1_000).is_err());
        assert!(check("other", "event:1", &token, 1_000).is_err());
        assert!(check("s", "event:1", &token, 1_000 + 7_201).is_err());
    }

    #[test]
    fn a_changed_token_is_refused() {
        let token = sign("s", "join:1", 1_000, NONCE);
        let later = token.replacen("1000", "9000", 1);
        assert!(check("s", "join:1", &later, 9_000).is_err());
        for junk in ["", "..", "1.2", "x.y.z", &format!("{token}0")] {
            assert!(check("s", "join:1", junk, 1_000).is_err(), "{junk}");
        }
    }
}
