//! Auth server functions: find who is asking, check, call the service, answer.

use crate::{
    auth::model::{MobileView, PersonView},
    error::AppError,
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::service::{accounts, email_confirmations, mobile_numbers, resets, sessions},
    ctx::{redirect_to, serve},
    rate_limit::Limit,
    validate::{EmailAddress, MobileUk},
};

/// The signed-in person, or none.
#[server(endpoint = "auth/me")]
pub async fn current_person() -> Result<Option<PersonView>, AppError> {
    serve(|ctx| async move { Ok(ctx.maybe_person().cloned()) }).await
}

/// Opens an account. Nobody is signed in until the address is confirmed with the emailed
/// link, and the answer is the same whether or not the address already has an account.
#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    postcode: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let new = accounts::NewAccount::parse(&name, &email, &password, &postcode)?;
        ctx.limit_address(Limit::AccountsPerAddress)?;
        ctx.limit(Limit::AccountEmailsPerEmail, new.email.as_str())?;
        accounts::open_account(&ctx.db, new, &ctx.state.settings.public_url).await?;
        redirect_to("/sign-up?sent=1");
        Ok(())
    })
    .await
}

/// Signs in with email and password. The session id is new at every sign-in.
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        if email.trim().is_empty() {
            return Err(AppError::invalid("email", "Enter your email address."));
        }
        if password.is_empty() {
            return Err(AppError::invalid("password", "Enter your password."));
        }
        let person =
            accounts::verify_credentials(&ctx.db, &email, &password, &ctx.client_address).await?;
        if person.email_confirmed_at.is_none() {
            // The answer a wrong password gets: a different one would tell whoever just
            // signed up with this address that it had no account. The owner gets a
            // fresh link instead, within the address's allowance.
            if ctx
                .limit(Limit::AccountEmailsPerEmail, &person.email)
                .is_ok()
            {
                email_confirmations::request_email_confirmation(
                    &ctx.db,
                    &person,
                    &ctx.state.settings.public_url,
                )
                .await?;
            }
            return Err(AppError::WrongCredentials);
        }
        let token = accounts::start_session(
            &ctx.db,
            person.id,
            ctx.session_token.as_deref(),
            ctx.device(),
        )
        .await?;
        ctx.set_session_cookie(&token);
        redirect_to("/");
        Ok(())
    })
    .await
}

/// Signs out of this browser.
#[server(endpoint = "auth/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    serve(|ctx| async move {
        if let Some(token) = &ctx.session_token {
            sessions::delete_session(&ctx.db, token).await?;
        }
        ctx.clear_session_cookie();
        redirect_to("/?signed_out=1");
        Ok(())
    })
    .await
}

/// Emails a password reset link, if the address has an account (the answer is the same
/// either way).
#[server(endpoint = "auth/request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let email = EmailAddress::parse("email", &email)?;
        ctx.limit_address(Limit::ResetsPerAddress)?;
        ctx.limit(Limit::AccountEmailsPerEmail, email.as_str())?;
        resets::request_password_reset(&ctx.db, email.as_str(), &ctx.state.settings.public_url)
            .await?;
        redirect_to("/reset-password?sent=1");
        Ok(())
    })
    .await
}

/// Sets a new password from an emailed link, then asks the person to sign in with it.
#[server(endpoint = "auth/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = resets::reset_password(&ctx.db, &token, &password).await?;
        ctx.clear_session_cookie();
        tracing::info!(person_id = person.id, "password reset");
        redirect_to("/sign-in?reset=1");
        Ok(())
    })
    .await
}

/// Confirms the address of the account an emailed link was sent for, and signs that
/// account in. Needs no sign-in: the single-use token in the link is the proof of
/// ownership.
#[server(endpoint = "auth/confirm-email")]
pub async fn confirm_account_email(token: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = email_confirmations::confirm_email(&ctx.db, &token).await?;
        let session = accounts::start_session(
            &ctx.db,
            person.id,
            ctx.session_token.as_deref(),
            ctx.device(),
        )
        .await?;
        ctx.set_session_cookie(&session);
        tracing::info!(person_id = person.id, "email confirmed");
        redirect_to(&format!(
            "{}{token}?done=1",
            email_confirmations::CONFIRM_EMAIL_PATH
        ));
        Ok(())
    })
    .await
}

/// Emails the signed-in person a new link that confirms their address, if it is not
/// confirmed yet.
#[server(endpoint = "auth/resend-confirmation")]
pub async fn resend_email_confirmation() -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person_model()?;
        if person.email_confirmed_at.is_none() {
            ctx.limit(Limit::AccountEmailsPerEmail, &person.email)?;
            email_confirmations::request_email_confirmation(
                &ctx.db,
                person,
                &ctx.state.settings.public_url,
            )
            .await?;
        }
        redirect_to("/profile?sent=1");
        Ok(())
    })
    .await
}

/// The signed-in person's mobile number, confirmed or waiting for its code.
#[server(endpoint = "auth/mobile")]
pub async fn get_mobile() -> Result<MobileView, AppError> {
    serve(|ctx| async move {
        let person = ctx.person_model()?;
        mobile_numbers::mobile_state(&ctx.db, person).await
    })
    .await
}

/// Texts a code to the number the signed-in person typed; it goes on their account once
/// they type the code back (`confirm_mobile`).
#[server(endpoint = "auth/send-mobile-code")]
pub async fn send_mobile_code(mobile: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let mobile = MobileUk::parse("mobile", &mobile)?;
        // Each ask sends a text: a few an hour per account and per number.
        ctx.limit(Limit::TextCodesPerAccount, &person.id.to_string())?;
        ctx.limit(Limit::TextCodesPerAccount, mobile.as_str())?;
        mobile_numbers::send_mobile_code(&ctx.db, person.id, &mobile).await?;
        redirect_to("/profile?code_sent=1#mobile");
        Ok(())
    })
    .await
}

/// Puts the number on the signed-in person's account when the code is the one texted to it.
#[server(endpoint = "auth/confirm-mobile")]
pub async fn confirm_mobile(code: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        mobile_numbers::confirm_mobile_code(&ctx.db, person.id, &code).await?;
        redirect_to("/profile?mobile_confirmed=1#mobile");
        Ok(())
    })
    .await
}

/// Takes the signed-in person's mobile number off their account.
#[server(endpoint = "auth/remove-mobile")]
pub async fn remove_mobile() -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        mobile_numbers::remove_mobile(&ctx.db, person.id).await?;
        redirect_to("/profile?mobile_removed=1#mobile");
        Ok(())
    })
    .await
}
