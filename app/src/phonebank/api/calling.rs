//! Callers: the call page, saving a call (which takes the next one), skipping, staying on
//! the page, the guide, and joining by link.
// Server functions take their form's fields one by one.
#![allow(clippy::too_many_arguments)]

use crate::{error::AppError, phonebank::model::CallPageView};
use leptos::prelude::*;
use std::collections::HashMap;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve, RequestCtx},
    error::AppResult,
    phonebank::{
        policy::PhonebankAction,
        service::access::{phonebank_for, Access},
        service::leasing::Lessee,
    },
};

#[cfg(feature = "ssr")]
async fn caller_access(ctx: &RequestCtx, id: i32) -> AppResult<Access> {
    phonebank_for(&ctx.db, id, ctx.maybe_person(), PhonebankAction::Call).await
}

/// The caller's side of a lease they already hold (saving, skipping, checking in).
#[cfg(feature = "ssr")]
fn lessee(access: &Access) -> Lessee {
    Lessee {
        phonebank_id: access.phonebank.id,
        caller_id: access.person.id,
    }
}

/// The call page: the caller's next call (leased to them alone), or why there is none.
#[server(endpoint = "phonebanks/call")]
pub async fn call_page(id: i32) -> Result<CallPageView, AppError> {
    serve(|ctx| async move {
        use crate::phonebank::service::{
            call_page::{call_page, CallSettings},
            kept::calling_window,
        };
        let access = caller_access(&ctx, id).await?;
        let settings = CallSettings {
            window: calling_window(&ctx.state.live).await?,
            bridged: ctx.state.settings.voice.is_some(),
            public_url: &ctx.state.settings.public_url,
            live: &ctx.state.live,
        };
        call_page(&ctx.db, &access, &settings, chrono::Utc::now()).await
    })
    .await
}

/// Saves a call's outcome and answers; the page then shows the next call. A repeated
/// submission (the same `call_key`, from a phone that was offline) is the same call.
#[server(endpoint = "phonebanks/save-call")]
pub async fn save_call(
    phonebank_id: i32,
    contact_id: i32,
    lease: i32,
    call_key: String,
    outcome: String,
    note: Option<String>,
    callback_at: Option<String>,
    answers: Option<HashMap<String, String>>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::personal_data::{access_log::Viewing, viewed_things::PHONEBANK_CALL};
        use crate::phonebank::{
            model::{
                survey::{answers_from_form, parse_survey},
                Outcome,
            },
            service::{
                call_page::{caller_role, calling_now},
                calls::{save_call, CallResult},
                kept::calling_window,
                leasing::NextLease,
            },
        };
        let access = caller_access(&ctx, phonebank_id).await?;
        let outcome = Outcome::parse(&outcome)
            .ok_or_else(|| AppError::invalid("outcome", "Choose how the call ended."))?;
        let answers = if outcome.keeps_answers() {
            let questions = parse_survey(&access.phonebank.survey).unwrap_or_default();
            answers_from_form(&questions, &answers.unwrap_or_default())?
        } else {
            Default::default()
        };
        let callback_at = match callback_at
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(raw) => Some(crate::format::parse_london_input(raw).ok_or_else(|| {
                AppError::invalid(
                    "callback_at",
                    "Give a date and time, such as 2026-12-07 18:30.",
                )
            })?),
            None => None,
        };
        let note = note
            .map(|n| crate::validate::bounded_text("note", &n, 1000, false))
            .transpose()?;
        let now = chrono::Utc::now();
        let result = CallResult {
            outcome,
            answers,
            note,
            callback_at,
        };
        // The next call is leased as this one is saved, when calling is open.
        let window = calling_window(&ctx.state.live).await?;
        let role = caller_role(&access.phonebank);
        let next = calling_now(&access, &window, now)
            .ok()
            .map(|who| NextLease {
                who,
                seen: Some(Viewing {
                    viewer_id: access.person.id,
                    viewer_role: &role,
                    what: PHONEBANK_CALL,
                }),
            });
        save_call(
            &ctx.db,
            lessee(&access),
            contact_id,
            lease,
            &call_key,
            &result,
            next,
            now,
        )
        .await?;
        crate::phonebank::service::live::changed(&ctx.state.live, phonebank_id).await;
        redirect_to(&format!(
            "/phonebanks/{phonebank_id}/call?saved={}",
            outcome.as_str()
        ));
        Ok(())
    })
    .await
}

/// Starts a bridged call: the caller's own phone rings, then the contact's, through the
/// telephony provider (only when one is set up).
#[server(endpoint = "phonebanks/bridge")]
pub async fn bridge_call(phonebank_id: i32, contact_id: i32, lease: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::mail::voice::HttpCallBridge;
        let access = caller_access(&ctx, phonebank_id).await?;
        let voice = ctx.state.settings.voice.clone().ok_or_else(|| {
            AppError::conflict("Calls are not bridged on this site: use the number's link.")
        })?;
        let provider = HttpCallBridge::new(
            &voice.api_url,
            &voice.account_sid,
            &voice.auth_token,
            &voice.from,
        );
        crate::phonebank::service::bridging::bridge_call(
            &ctx.db, &access, contact_id, lease, &provider,
        )
        .await?;
        redirect_to(&format!("/phonebanks/{phonebank_id}/call?ringing=1"));
        Ok(())
    })
    .await
}

/// Gives the contact back at once for someone else to call.
#[server(endpoint = "phonebanks/skip")]
pub async fn skip_call(phonebank_id: i32, contact_id: i32, lease: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = caller_access(&ctx, phonebank_id).await?;
        crate::phonebank::service::leasing::release(
            &ctx.db,
            lessee(&access),
            contact_id,
            lease,
            chrono::Utc::now(),
        )
        .await?;
        redirect_to(&format!("/phonebanks/{phonebank_id}/call?skipped=1"));
        Ok(())
    })
    .await
}

/// The call page's check-in every 15 seconds: keeps the lease. False: it has lapsed.
#[server(endpoint = "phonebanks/check-in")]
pub async fn check_in(phonebank_id: i32, contact_id: i32, lease: i32) -> Result<bool, AppError> {
    serve(|ctx| async move {
        let access = caller_access(&ctx, phonebank_id).await?;
        crate::phonebank::service::leasing::renew(
            &ctx.db,
            lessee(&access),
            contact_id,
            lease,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// The caller has read the guide.
#[server(endpoint = "phonebanks/guide-read")]
pub async fn guide_read(phonebank_id: i32) -> Result<(), AppError> {
    serve(|ctx| async move {
        let access = caller_access(&ctx, phonebank_id).await?;
        crate::phonebank::service::call_page::guide_read(&ctx.db, phonebank_id, access.person.id)
            .await?;
        redirect_to(&format!("/phonebanks/{phonebank_id}/call"));
        Ok(())
    })
    .await
}

/// Lets the signed-in person call for the phonebank whose link they followed.
#[server(endpoint = "phonebanks/join")]
pub async fn join_phonebank(token: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        let id =
            crate::phonebank::service::campaigns::join_by_link(&ctx.db, &token, person).await?;
        redirect_to(&format!("/phonebanks/{id}/call"));
        Ok(())
    })
    .await
}
