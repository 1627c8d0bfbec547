//! Privacy's server functions. The downloads themselves are files, served by the
//! server's `privacy_files` routes with the same checks.

use crate::{
    error::AppError,
    privacy::model::{AccessLogPage, DownloadLink, GuestLinkView, NoticeEntry},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::ctx::{redirect_to, serve};

/// The privacy notice, from the personal-data registry. Public.
#[server(endpoint = "privacy/notice")]
pub async fn privacy_notice() -> Result<Vec<NoticeEntry>, AppError> {
    serve(|_ctx| async move { Ok(crate::privacy::service::notice::notice()) }).await
}

/// Prepares a download of everything held about the signed-in person, once they have
/// confirmed their password. The link works for 24 hours, for them only.
#[server(endpoint = "privacy/prepare-download")]
pub async fn prepare_download(password: String) -> Result<DownloadLink, AppError> {
    serve(|ctx| async move {
        use crate::{
            auth::service::{accounts::stored_account, passwords::verify_password},
            privacy::service::requests::grant_download,
        };
        let person = ctx.person()?;
        let account = stored_account(&ctx.db, person.id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if !verify_password(&password, &account.password_hash).await {
            return Err(AppError::invalid("password", "That password is not right."));
        }
        let download = grant_download(&ctx.db, person.id).await?;
        tracing::info!(person_id = person.id, "data download prepared");
        redirect_to("/profile?download=ready#your-data");
        Ok(download_link(download))
    })
    .await
}

/// The signed-in person's downloads that still work, newest first.
#[server(endpoint = "privacy/my-downloads")]
pub async fn my_downloads() -> Result<Vec<DownloadLink>, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let list = crate::privacy::service::requests::downloads_of(&ctx.db, person.id).await?;
        Ok(list.into_iter().map(download_link).collect())
    })
    .await
}

#[cfg(feature = "ssr")]
fn download_link(download: crate::privacy::service::requests::Download) -> DownloadLink {
    DownloadLink {
        href: format!("/privacy/downloads/{}/membersnet-data.zip", download.id),
        until: crate::format::format_when(download.until),
    }
}

/// Emails a link that lets the owner of `email` download or erase what is held under it.
/// Says the same whether or not anything is held, so it reveals nothing to a stranger.
#[server(endpoint = "privacy/guest-link")]
pub async fn send_guest_link(email: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::{
            mail::{queue_templated, Template},
            privacy::service::requests::grant_guest_link,
            rate_limit::Limit,
            validate::EmailAddress,
        };
        let email = EmailAddress::parse("email", &email)?;
        ctx.limit_address(Limit::DataLinksPerAddress)?;
        ctx.limit(Limit::DataLinksPerEmail, email.as_str())?;
        let token = grant_guest_link(&ctx.db, email.as_str()).await?;
        let link = format!("{}/privacy/guest/{token}", ctx.state.settings.public_url);
        queue_templated(
            &ctx.db,
            email.as_str(),
            Template::YourData,
            minijinja::context! { email => email.as_str(), link },
        )
        .await?;
        redirect_to("/privacy/guest?sent=1");
        Ok(())
    })
    .await
}

/// What a guest's emailed link reaches.
#[server(endpoint = "privacy/guest")]
pub async fn guest_data(token: String) -> Result<GuestLinkView, AppError> {
    serve(|ctx| async move {
        let (email, until) = crate::privacy::service::requests::guest_link(&ctx.db, &token).await?;
        Ok(GuestLinkView {
            email,
            until: crate::format::format_when(until),
            download_href: format!("/privacy/guest/{token}/membersnet-data.zip"),
        })
    })
    .await
}

/// Erases everything held under a guest link's address (its sign-ups are cancelled
/// first, freeing their places). The owner must tick that they understand.
#[server(endpoint = "privacy/guest-erase")]
pub async fn erase_guest_data(token: String, understood: Option<String>) -> Result<(), AppError> {
    serve(|ctx| async move {
        if understood.is_none() {
            return Err(AppError::invalid(
                "understood",
                "Tick the box to say you understand this cannot be undone.",
            ));
        }
        crate::privacy::service::erasure::erase_guest(
            &ctx.db,
            &token,
            &ctx.state.settings.public_url,
        )
        .await?;
        tracing::info!("guest data erased");
        redirect_to("/privacy/erased");
        Ok(())
    })
    .await
}

/// Staff: the access log, newest first, optionally for one viewer's or one person's
/// address.
#[server(endpoint = "privacy/access-log")]
pub async fn access_log(
    viewer: Option<String>,
    whose: Option<String>,
    what: Option<String>,
    before: Option<i32>,
) -> Result<AccessLogPage, AppError> {
    // Only the names the log uses; anything else is no filter.
    let what = what.filter(|w| crate::personal_data::viewed_things::ALL.contains(&w.as_str()));
    let (viewer, whose) = (address_filter(viewer), address_filter(whose));
    serve(|ctx| async move {
        ctx.require_role(crate::auth::model::Role::Staff)?;
        crate::privacy::service::access::access_log_page(
            &ctx.db,
            viewer.as_deref(),
            whose.as_deref(),
            what.as_deref(),
            before,
        )
        .await
    })
    .await
}

/// A filter's address as stored (trimmed, lower case), or None when blank.
#[cfg(feature = "ssr")]
fn address_filter(typed: Option<String>) -> Option<String> {
    typed
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
}

/// Deletes the signed-in person's account and everything about them.
#[server(endpoint = "people/delete-account")]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        crate::privacy::service::erasure::erase_account(
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
