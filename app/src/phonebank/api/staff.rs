//! Staff: the TPS screening and the party-wide calling window.

use crate::{error::AppError, phonebank::model::CallingRulesView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    auth::model::Role,
    ctx::{redirect_to, serve},
};

/// The latest TPS screening and the calling window, for the staff page.
#[server(endpoint = "phonebanks/rules")]
pub async fn calling_rules() -> Result<CallingRulesView, AppError> {
    serve(|ctx| async move {
        use crate::phonebank::service::{
            calling_window,
            tps::{latest_screening, still_counts},
        };
        ctx.require_role(Role::Staff)?;
        let window = calling_window(&ctx.db).await?;
        let latest = latest_screening(&ctx.db).await?;
        let today = chrono::Utc::now().date_naive();
        Ok(CallingRulesView {
            screening: latest.as_ref().map(|s| {
                format!(
                    "{} numbers, screened on {}",
                    s.numbers,
                    s.screened_on.format("%-d %B %Y")
                )
            }),
            screening_counts: latest.is_some_and(|s| still_counts(s.screened_on, today)),
            weekdays: window.weekdays.to_string(),
            sunday: window.sunday.to_string(),
        })
    })
    .await
}

/// Replaces the TPS screening with the pasted file (one number per line), screened on
/// `screened_on`.
#[server(endpoint = "phonebanks/tps")]
pub async fn upload_tps(screened_on: String, file: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let staff = ctx.require_role(Role::Staff)?;
        let screened_on = chrono::NaiveDate::parse_from_str(screened_on.trim(), "%Y-%m-%d")
            .map_err(|_| {
                AppError::invalid(
                    "screened_on",
                    "Give the date of the screening, such as 2026-12-01.",
                )
            })?;
        let today = chrono::Utc::now().date_naive();
        let done = crate::phonebank::service::tps::upload_screening(
            &ctx.db,
            staff.id,
            screened_on,
            &file,
            today,
        )
        .await?;
        redirect_to(&format!(
            "/staff/phonebanks?numbers={}&unreadable={}",
            done.numbers, done.unreadable
        ));
        Ok(())
    })
    .await
}

/// Sets the party-wide calling window (24-hour times, London).
#[server(endpoint = "phonebanks/window")]
pub async fn set_calling_window(
    weekdays_from: String,
    weekdays_until: String,
    sunday_from: String,
    sunday_until: String,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        use crate::phonebank::{
            hours::{hours_from_form, CallingWindow},
            service,
        };
        ctx.require_role(Role::Staff)?;
        let weekdays = hours_from_form(&weekdays_from, &weekdays_until).map_err(|_| {
            AppError::invalid(
                "weekdays_until",
                "Give 24-hour times such as 10:00 and 20:00, the second later.",
            )
        })?;
        let sunday = hours_from_form(&sunday_from, &sunday_until).map_err(|_| {
            AppError::invalid(
                "sunday_until",
                "Give 24-hour times such as 12:00 and 17:00, the second later.",
            )
        })?;
        service::set_calling_window(&ctx.db, CallingWindow { weekdays, sunday }).await?;
        crate::phonebank::service::kept::forget_calling_window(&ctx.state.live);
        redirect_to("/staff/phonebanks?window=saved");
        Ok(())
    })
    .await
}
