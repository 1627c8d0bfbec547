//! Organisers: the list of phonebanks, who an audience can call, making a phonebank, the
//! dashboard, pausing and closing, and correcting a call.
// Server functions take their form's fields one by one.
#![allow(clippy::too_many_arguments)]

use crate::{
    error::AppError,
    phonebank::model::{Dashboard, NewPhonebankView, PhonebankList},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    phonebank::{policy::PhonebankAction, service::access::phonebank_for},
};

/// The phonebanks the signed-in person may call for or run.
#[server(endpoint = "phonebanks/list")]
pub async fn list_phonebanks() -> Result<PhonebankList, AppError> {
    serve(|ctx| async move {
        let person = ctx.person()?;
        crate::phonebank::service::campaigns::list_for(&ctx.db, person).await
    })
    .await
}

/// The new-phonebank form: who each audience of the group (None: national, staff) could
/// call right now, who would be left out and why, and default dates.
#[server(endpoint = "phonebanks/new-form")]
pub async fn new_phonebank_form(
    group_id: Option<i32>,
    miles: Option<i32>,
) -> Result<NewPhonebankView, AppError> {
    serve(|ctx| async move {
        use crate::outreach::{
            model::{AudienceKind, DEFAULT_AREA_MILES},
            service::senders::sender_for,
        };
        use crate::phonebank::service::audience::{spec_for, weigh};
        let sender = sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        let kinds: Vec<AudienceKind> = if group_id.is_some() {
            AudienceKind::FOR_GROUPS.to_vec()
        } else {
            vec![AudienceKind::National]
        };
        let mut out = Vec::new();
        for kind in kinds {
            let spec = spec_for(&sender, kind, miles.unwrap_or(DEFAULT_AREA_MILES))?;
            let weighed = weigh(&ctx.db, &spec, chrono::Utc::now()).await?;
            out.push((
                kind.as_str().to_string(),
                kind.label().to_string(),
                weighed.count(),
            ));
        }
        let today = chrono::Utc::now()
            .with_timezone(&chrono_tz::Europe::London)
            .date_naive();
        Ok(NewPhonebankView {
            audiences: out,
            whose: sender
                .group
                .as_ref()
                .map_or_else(|| "National".to_string(), |g| g.name.clone()),
            today: today.to_string(),
            in_two_weeks: (today + chrono::Duration::days(14)).to_string(),
        })
    })
    .await
}

/// Makes a phonebank and takes the snapshot of who it calls; then opens its dashboard.
#[server(endpoint = "phonebanks/create")]
pub async fn create_phonebank(
    group_id: Option<i32>,
    name: String,
    purpose: String,
    script: String,
    survey: String,
    audience: String,
    miles: Option<i32>,
    callers: String,
    opens_on: String,
    closes_on: String,
    daily_from: String,
    daily_until: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::{
            outreach::{
                model::{AudienceKind, DEFAULT_AREA_MILES},
                service::senders::sender_for,
            },
            phonebank::{
                hours::hours_from_form,
                model::CallersAllowed,
                service::{
                    calling_window,
                    campaigns::{create_phonebank, NewPhonebank},
                },
            },
        };
        let sender = sender_for(&ctx.db, group_id, ctx.maybe_person()).await?;
        let date = |field: &str, raw: &str| {
            chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
                .map_err(|_| AppError::invalid(field, "Give a date, such as 2026-12-07."))
        };
        let new = NewPhonebank {
            name,
            purpose,
            script,
            survey,
            audience: AudienceKind::parse(&audience)
                .ok_or_else(|| AppError::invalid("audience", "Choose who to call."))?,
            miles: miles.unwrap_or(DEFAULT_AREA_MILES),
            callers: CallersAllowed::parse(&callers)
                .ok_or_else(|| AppError::invalid("callers", "Choose who may call."))?,
            opens_on: date("opens_on", &opens_on)?,
            closes_on: date("closes_on", &closes_on)?,
            daily: hours_from_form(&daily_from, &daily_until)?,
        };
        let window = calling_window(&ctx.db).await?;
        let id = create_phonebank(&ctx.db, &sender, new, &window, chrono::Utc::now()).await?;
        redirect_to(&format!("/phonebanks/{id}?created=1"));
        Ok(())
    })
    .await
}

/// The organiser's dashboard.
#[server(endpoint = "phonebanks/dashboard")]
pub async fn phonebank_dashboard(id: i32) -> Result<Dashboard, AppError> {
    serve(|ctx| async move {
        let access =
            phonebank_for(&ctx.db, id, ctx.maybe_person(), PhonebankAction::Organise).await?;
        crate::phonebank::service::dashboard::dashboard(
            &ctx.db,
            &access,
            &ctx.state.settings.public_url,
            chrono::Utc::now(),
        )
        .await
    })
    .await
}

/// Pauses ("paused"), reopens ("open") or closes ("closed") a phonebank.
#[server(endpoint = "phonebanks/status")]
pub async fn set_phonebank_status(id: i32, status: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::phonebank::model::PhonebankStatus;
        let access =
            phonebank_for(&ctx.db, id, ctx.maybe_person(), PhonebankAction::Organise).await?;
        let status = PhonebankStatus::parse(&status)
            .ok_or_else(|| AppError::invalid("status", "Choose open, paused or closed."))?;
        crate::phonebank::service::campaigns::set_status(&ctx.db, &access, status).await?;
        crate::phonebank::service::live::changed(&ctx.state.live, id).await;
        redirect_to(&format!("/phonebanks/{id}?status={}", status.as_str()));
        Ok(())
    })
    .await
}

/// Corrects a call's outcome and answers as a reviewer (what it said before is kept with
/// who changed it). An outcome that is not a conversation keeps no answers; with none
/// sent, a conversation's stay as they were.
#[server(endpoint = "phonebanks/correct")]
pub async fn correct_call(
    id: i32,
    call_id: i32,
    outcome: String,
    answers: Option<std::collections::HashMap<String, String>>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::phonebank::{
            model::{
                survey::{answers_from_form, parse_survey},
                Outcome,
            },
            service::dashboard::correct_call,
        };
        let access =
            phonebank_for(&ctx.db, id, ctx.maybe_person(), PhonebankAction::Organise).await?;
        let outcome = Outcome::parse(&outcome)
            .ok_or_else(|| AppError::invalid("outcome", "Choose how the call ended."))?;
        // No answers sent (nothing ticked, no free text): the call's answers stay.
        let answers = match answers {
            Some(form) if outcome.keeps_answers() => {
                let questions = parse_survey(&access.phonebank.survey).unwrap_or_default();
                Some(answers_from_form(&questions, &form)?)
            }
            None if outcome.keeps_answers() => None,
            _ => Some(Default::default()),
        };
        correct_call(&ctx.db, &access, call_id, outcome, answers.as_ref()).await?;
        crate::phonebank::service::live::changed(&ctx.state.live, id).await;
        redirect_to(&format!("/phonebanks/{id}?corrected={call_id}"));
        Ok(())
    })
    .await
}
