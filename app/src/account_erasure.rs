//! Deleting an account: the person and everything about them, in every domain, in one
//! transaction. It clears events, outreach, consent and mail as well as the account, so
//! it sits above the domains (ARCHITECTURE.md, "Layers"), with its form and server
//! function.

use crate::{
    auth::session::use_session,
    error::AppError,
    ui::form::{FormError, SubmitButton, TextField},
};
use leptos::{form::ActionForm, prelude::*};

#[cfg(feature = "ssr")]
use crate::ctx::{redirect_to, serve};

/// Deletes the signed-in person's account and everything about them.
#[server(endpoint = "people/delete-account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        erase_person(
            &ctx.db,
            person.id,
            &password,
            &ctx.state.settings.public_url,
        )
        .await?;
        ctx.clear_session_cookie();
        tracing::info!(person_id = person.id, "account deleted");
        redirect_to("/?deleted=1");
        Ok(())
    })
    .await
}

/// Erases a person and everything about them, after checking their password. Rows that
/// hang off the person go with it by foreign-key cascade; the rest is removed here, in one
/// transaction. What belongs to the address (its guest sign-ups, its consent history, the
/// emails sent to it) goes too only when the person proved the address is theirs: anyone
/// can open an account for any address, and deleting it must not touch its owner's data.
#[cfg(feature = "ssr")]
pub async fn erase_person<C>(
    db: &C,
    person_id: i32,
    password: &str,
    public_url: &str,
) -> crate::error::AppResult<()>
where
    C: sea_orm::ConnectionTrait + sea_orm::TransactionTrait,
{
    use crate::{
        auth::service::accounts::{delete_account_row, stored_account},
        auth::service::passwords::verify_password,
        db::begin_write,
        events::service::cancellations::cancel_signups_of_person,
        mail::delete_emails_to,
        outreach::service::erasure::forget_contact,
    };
    use sea_orm::TransactionSession;

    let found = stored_account(db, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !verify_password(password, &found.password_hash).await {
        return Err(AppError::invalid("password", "That password is not right."));
    }
    let txn = begin_write(db).await?;
    // Cancelling first gives their places to the waitlist and keeps the counts right.
    if found.email_confirmed_at.is_some() {
        cancel_signups_of_person(&txn, found.id, Some(&found.email), public_url).await?;
        forget_contact(&txn, &found.email).await?;
        delete_emails_to(&txn, &found.email).await?;
    } else {
        cancel_signups_of_person(&txn, found.id, None, public_url).await?;
    }
    delete_account_row(&txn, found.id).await?;
    txn.commit().await?;
    Ok(())
}

/// The profile's "Delete your account" section.
#[component]
pub fn DeleteAccountSection() -> impl IntoView {
    let session = use_session();
    let delete = ServerAction::<DeleteAccount>::new();
    session.refresh_after(delete);
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err));
    view! {
        <section class="card narrow danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete your account"</h2>
            <p>"This removes your account and everything about you from MembersNet, at once and for good."</p>
            <FormError error=delete_error />
            <ActionForm action=delete>
                <TextField label="Your password, to confirm" name="password" kind="password" autocomplete="current-password" error=delete_error required=true />
                <SubmitButton label="Delete my account" class="button button-danger" pending=delete.pending() />
            </ActionForm>
        </section>
    }
}
