//! Creating accounts and checking who someone is.

use super::{email_confirmations, passwords, roles::list_roles_for_person, sessions, throttle};
use crate::db::is_unique_violation;
use crate::{
    auth::{entity::person, model::PersonView},
    error::{AppError, AppResult},
    mail::{queue_templated, Template},
    validate::{EmailAddress, NewPassword, PersonName, PostcodeUk},
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

/// What it takes to open an account, already validated.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub name: PersonName,
    pub email: EmailAddress,
    pub password: NewPassword,
    pub postcode: Option<PostcodeUk>,
}

impl NewAccount {
    /// Validates raw form input, reporting the first bad field.
    pub fn parse(name: &str, email: &str, password: &str, postcode: &str) -> AppResult<Self> {
        let name = PersonName::parse("name", name)?;
        let email = EmailAddress::parse("email", email)?;
        let password = NewPassword::parse("password", password, Some(email.as_str()))?;
        let postcode = PostcodeUk::parse_optional("postcode", postcode)?;
        Ok(Self {
            name,
            email,
            password,
            postcode,
        })
    }
}

/// Creates a person. A taken email is a field error; the unique index decides, not a lookup.
/// For the site's operators (`create-staff`); visitors open accounts with `open_account`.
pub async fn create_person(db: &impl ConnectionTrait, new: NewAccount) -> AppResult<person::Model> {
    insert_person(db, new).await?.ok_or_else(|| {
        AppError::invalid(
            "email",
            "An account with this email already exists. Try signing in.",
        )
    })
}

/// Opens an account from the sign-up form without saying whether the address already has
/// one: either way the address gets an email (a link to confirm it, or a note that it has
/// an account and how to sign in), the password is hashed, and nobody is signed in.
pub async fn open_account(
    db: &impl ConnectionTrait,
    new: NewAccount,
    public_url: &str,
) -> AppResult<()> {
    let email = new.email.as_str().to_string();
    match insert_person(db, new).await? {
        Some(person) => {
            tracing::info!(person_id = person.id, "account opened");
            email_confirmations::request_email_confirmation(db, &person, public_url).await
        }
        None => {
            if let Some(found) = get_person_by_email(db, &email).await? {
                if found.email_confirmed_at.is_none() {
                    // Its owner may be signing up again for a lost link: send a new one.
                    return email_confirmations::request_email_confirmation(db, &found, public_url)
                        .await;
                }
            }
            let values = context! { site_url => public_url.trim_end_matches('/') };
            queue_templated(db, &email, Template::AccountExists, values).await
        }
    }
}

/// Inserts a person; None when the address already has an account.
async fn insert_person(
    db: &impl ConnectionTrait,
    new: NewAccount,
) -> AppResult<Option<person::Model>> {
    // Hashed before the insert, so a taken address takes as long as a new one.
    let password_hash = passwords::hash_password(new.password.expose()).await?;
    let now = Utc::now();
    let inserted = person::ActiveModel {
        name: Set(new.name.as_str().to_string()),
        email: Set(new.email.as_str().to_string()),
        password_hash: Set(password_hash),
        postcode: Set(new.postcode.map(|p| p.as_str().to_string())),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(person) => Ok(Some(person)),
        Err(err) if is_unique_violation(&err) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// Finds a person by email (any case).
pub async fn get_person_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> AppResult<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await?)
}

/// Checks an email and password under the sign-in limits. The attempt is counted before
/// the password is checked, so parallel guesses cannot all be checked; a right password
/// clears its (account, address) pair. Unknown email and wrong password give the same
/// error, and take the same time.
pub async fn verify_credentials<C>(
    db: &C,
    email: &str,
    password: &str,
    address: &str,
) -> AppResult<person::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let email = email.trim().to_lowercase();
    throttle::begin_sign_in(db, &email, address).await?;
    let found = get_person_by_email(db, &email).await?;
    let hash = found
        .as_ref()
        .map(|p| p.password_hash.as_str())
        .unwrap_or(DUMMY_HASH);
    let matches = passwords::verify_password(password, hash).await;
    match found {
        Some(person) if matches => {
            throttle::record_successful_sign_in(db, &email, address).await?;
            Ok(person)
        }
        _ => {
            // Housekeeping only: a failure here must not change the answer.
            if let Err(err) = throttle::forget_lapsed_counts(db).await {
                tracing::warn!(error = %err, "could not forget lapsed sign-in counts");
            }
            Err(AppError::WrongCredentials)
        }
    }
}

/// A valid argon2id hash of a random string, verified against when the email is unknown.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vh5sdKfmXoAdqW4Ho5LSlwGsK5bmHkEz1g0vqD5w9L8";

/// Signs a person in: a new session, and the old one (if any) ended, so a session id
/// planted before sign-in is worthless after it.
pub async fn start_session(
    db: &impl ConnectionTrait,
    person_id: i32,
    old_token: Option<&str>,
    device: Option<String>,
) -> AppResult<String> {
    if let Some(old) = old_token {
        sessions::delete_session(db, old).await?;
    }
    sessions::create_session(db, person_id, device).await
}

/// The browser's view of a person, with their roles.
pub async fn get_person_view(
    db: &impl ConnectionTrait,
    person: &person::Model,
) -> AppResult<PersonView> {
    Ok(PersonView {
        id: person.id,
        name: person.name.clone(),
        email: person.email.clone(),
        postcode: person.postcode.clone(),
        roles: list_roles_for_person(db, person.id).await?,
        email_confirmed: person.email_confirmed_at.is_some(),
        mobile: person
            .mobile
            .clone()
            .filter(|_| person.mobile_confirmed_at.is_some()),
    })
}

/// An account's stored row, for checks such as its password. Other domains may hold one
/// but cannot query the table it comes from.
pub type StoredAccount = person::Model;

/// The stored account `id` (for checks such as its password), if there is one.
pub async fn stored_account(
    db: &impl ConnectionTrait,
    id: i32,
) -> AppResult<Option<StoredAccount>> {
    Ok(person::Entity::find_by_id(id).one(db).await?)
}

/// The address of the account that stands in for erased people where a row must keep
/// an author (a forum post others replied to, a group someone started). Nobody can sign
/// in as it: its password hash is not a hash.
pub const FORMER_MEMBER_EMAIL: &str = "former-member@membersnet.invalid";

/// The "a former member" account's id, made the first time someone is erased.
pub async fn former_member_id(db: &impl ConnectionTrait) -> AppResult<i32> {
    let found = person::Entity::find()
        .filter(person::Column::Email.eq(FORMER_MEMBER_EMAIL))
        .one(db)
        .await?;
    if let Some(row) = found {
        return Ok(row.id);
    }
    let now = Utc::now();
    let row = person::ActiveModel {
        name: Set("A former member".to_string()),
        email: Set(FORMER_MEMBER_EMAIL.to_string()),
        password_hash: Set("!".to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// How many accounts there are (the demo loads itself only into an empty database).
pub async fn account_count(db: &impl ConnectionTrait) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(person::Entity::find().count(db).await?)
}
