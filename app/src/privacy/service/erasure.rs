//! Erasure of a person, or of what a guest's address holds: every domain's own step
//! first (objections kept as hashes, sign-ups cancelled so places pass on, small gifts'
//! donors forgotten, forum threads kept whole), then the registry's sweep of every table, in one transaction.

use crate::{
    auth::service::{
        accounts::{former_member_id, stored_account, StoredAccount},
        passwords::verify_password,
    },
    consent::service::objections_of,
    db::begin_write,
    error::{AppError, AppResult},
    events::service::cancellations::cancel_signups_of,
    fundraising::service::erasure::forget_donor,
    groups::service::erasure::{forget_member, has_written},
    mail::{suppressions::keep_as_hashes, Channel},
    personal_data::{
        erase::{erase_everywhere, needs_former_member},
        Subject,
    },
    privacy::{registry::registry, service::requests::guest_link},
};
use sea_orm::{ConnectionTrait, TransactionSession, TransactionTrait};

/// Who an account is, for export and erasure: its id, and its address and number only
/// once proved (anyone can open an account for any address; deleting it must not touch
/// what belongs to the address's owner).
pub fn account_subject(account: &StoredAccount) -> Subject {
    Subject {
        person_id: Some(account.id),
        email: account
            .email_confirmed_at
            .map(|_| account.email.trim().to_lowercase()),
        phone: account
            .mobile
            .clone()
            .filter(|_| account.mobile_confirmed_at.is_some()),
        name: Some(account.name.clone()),
    }
}

/// Deletes the account `person_id` and everything about it, after checking its password.
pub async fn erase_account<C>(
    db: &C,
    person_id: i32,
    password: &str,
    public_url: &str,
) -> AppResult<u64>
where
    C: ConnectionTrait + TransactionTrait,
{
    let found = stored_account(db, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !verify_password(password, &found.password_hash).await {
        return Err(AppError::invalid("password", "That password is not right."));
    }
    let txn = begin_write(db).await?;
    let changed = erase_subject(&txn, &account_subject(&found), public_url).await?;
    txn.commit().await?;
    Ok(changed)
}

/// Erases what is held under the address a guest link proves.
pub async fn erase_guest<C>(db: &C, token: &str, public_url: &str) -> AppResult<u64>
where
    C: ConnectionTrait + TransactionTrait,
{
    let (email, _) = guest_link(db, token).await?;
    let txn = begin_write(db).await?;
    let changed = erase_subject(&txn, &Subject::guest(&email), public_url).await?;
    txn.commit().await?;
    Ok(changed)
}

/// Erases `subject` everywhere. Call it inside a transaction. Returns the rows changed.
pub async fn erase_subject(
    txn: &impl ConnectionTrait,
    subject: &Subject,
    public_url: &str,
) -> AppResult<u64> {
    let (email, phone) = (subject.email.as_deref(), subject.phone.as_deref());
    let objections = objections_of(txn, email, phone).await?;
    let addresses: Vec<(Channel, String)> = [(Channel::Email, email), (Channel::Sms, phone)]
        .into_iter()
        .filter_map(|(channel, address)| address.map(|a| (channel, a.to_string())))
        .collect();
    keep_as_hashes(txn, &addresses, &objections).await?;
    cancel_signups_of(txn, subject.person_id, email, public_url).await?;
    if let Some(email) = email {
        forget_donor(txn, email).await?;
    }
    let registry = registry();
    // The "a former member" account exists only once someone's erasure needs it.
    let former_member = match subject.person_id {
        Some(id)
            if has_written(txn, id).await?
                || needs_former_member(txn, &registry, subject).await? =>
        {
            former_member_id(txn).await?
        }
        _ => 0,
    };
    if let Some(id) = subject.person_id {
        forget_member(txn, id, former_member).await?;
    }
    erase_everywhere(txn, &registry, subject, former_member).await
}
