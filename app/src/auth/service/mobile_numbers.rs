//! A member's own mobile number, proved by a six-digit code texted to it: only the person
//! holding the phone can put a number on their account (and so agree to texts to it).

use crate::{
    auth::{
        entity::{mobile_confirmation, person},
        model::MobileView,
    },
    db::begin_write,
    error::{AppError, AppResult},
    mail::queue_text,
    tokens,
    validate::MobileUk,
};
use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    QueryFilter, Set, TransactionSession, TransactionTrait,
};

/// How long a texted code works.
pub const CODE_MINUTES: i64 = 15;
/// Wrong codes allowed before a new one must be sent (a million codes, five guesses).
pub const CODE_TRIES: i32 = 5;

/// The stored hash of a code: tied to the person, so one code hash says nothing of another's.
fn code_hash(person_id: i32, code: &str) -> String {
    tokens::hash_token(&format!("{person_id}:{code}"))
}

/// "07700 900123" for "+447700900123".
pub fn display_mobile(e164: &str) -> String {
    match e164.strip_prefix("+44") {
        Some(rest) if rest.len() == 10 && rest.is_ascii() => {
            format!("0{} {}", &rest[..4], &rest[4..])
        }
        _ => e164.to_string(),
    }
}

/// Texts a new code to `mobile` for `person_id`, replacing any code waiting. Returns the
/// code (the caller never shows it: tests read it from the outbox like a phone would).
pub async fn send_mobile_code(
    db: &impl ConnectionTrait,
    person_id: i32,
    mobile: &MobileUk,
) -> AppResult<String> {
    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    let now = Utc::now();
    mobile_confirmation::Entity::insert(mobile_confirmation::ActiveModel {
        person_id: Set(person_id),
        mobile: Set(mobile.as_str().to_string()),
        code_hash: Set(code_hash(person_id, &code)),
        wrong_tries: Set(0),
        expires_at: Set(now + Duration::minutes(CODE_MINUTES)),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(mobile_confirmation::Column::PersonId)
            .update_columns([
                mobile_confirmation::Column::Mobile,
                mobile_confirmation::Column::CodeHash,
                mobile_confirmation::Column::WrongTries,
                mobile_confirmation::Column::ExpiresAt,
                mobile_confirmation::Column::CreatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    let body = format!(
        "Your MembersNet code is {code}. It works for {CODE_MINUTES} minutes. If you did not ask for it, ignore this text."
    );
    queue_text(db, mobile.as_str(), &body, now).await?;
    Ok(code)
}

/// Puts the number on the account when `code` is the one texted to it. Wrong, expired or
/// used-up codes are errors on the `code` field, and change nothing but the count of tries.
pub async fn confirm_mobile_code<C>(db: &C, person_id: i32, code: &str) -> AppResult<String>
where
    C: ConnectionTrait + TransactionTrait,
{
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let txn = begin_write(db).await?;
    let waiting = mobile_confirmation::Entity::find()
        .filter(mobile_confirmation::Column::PersonId.eq(person_id))
        .one(&txn)
        .await?
        .filter(|w| w.expires_at > Utc::now())
        .ok_or_else(|| AppError::invalid("code", "That code has expired: send a new one."))?;
    if waiting.wrong_tries >= CODE_TRIES {
        return Err(AppError::invalid(
            "code",
            "Too many wrong codes: send a new one.",
        ));
    }
    if waiting.code_hash != code_hash(person_id, &code) {
        let tries = waiting.wrong_tries + 1;
        let mut active: mobile_confirmation::ActiveModel = waiting.into();
        active.wrong_tries = Set(tries);
        active.update(&txn).await?;
        txn.commit().await?;
        return Err(AppError::invalid(
            "code",
            "That is not the code we sent. Check the text and try again.",
        ));
    }
    let now = Utc::now();
    person::Entity::update_many()
        .col_expr(person::Column::Mobile, waiting.mobile.clone().into())
        .col_expr(person::Column::MobileConfirmedAt, Some(now).into())
        .col_expr(person::Column::UpdatedAt, now.into())
        .filter(person::Column::Id.eq(person_id))
        .exec(&txn)
        .await?;
    mobile_confirmation::Entity::delete_by_id(waiting.id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(waiting.mobile)
}

/// Takes the number off the account, and any code waiting.
pub async fn remove_mobile(db: &impl ConnectionTrait, person_id: i32) -> AppResult<()> {
    person::Entity::update_many()
        .col_expr(person::Column::Mobile, Option::<String>::None.into())
        .col_expr(
            person::Column::MobileConfirmedAt,
            Option::<chrono::DateTime<Utc>>::None.into(),
        )
        .filter(person::Column::Id.eq(person_id))
        .exec(db)
        .await?;
    mobile_confirmation::Entity::delete_many()
        .filter(mobile_confirmation::Column::PersonId.eq(person_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The confirmed number, and the one a code is waiting for.
pub async fn mobile_state(
    db: &impl ConnectionTrait,
    person: &person::Model,
) -> AppResult<MobileView> {
    let waiting = mobile_confirmation::Entity::find()
        .filter(mobile_confirmation::Column::PersonId.eq(person.id))
        .filter(mobile_confirmation::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    Ok(MobileView {
        confirmed: person
            .mobile
            .as_deref()
            .filter(|_| person.mobile_confirmed_at.is_some())
            .map(display_mobile),
        waiting: waiting.map(|w| display_mobile(&w.mobile)),
    })
}

#[cfg(test)]
mod tests {
    use super::display_mobile;

    #[test]
    fn numbers_read_the_uk_way() {
        assert_eq!(display_mobile("+447700900123"), "07700 900123");
        assert_eq!(display_mobile("+15550100"), "+15550100");
    }
}
