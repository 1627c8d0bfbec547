//! What visitors send from a site's page or a widget: "stay in touch", and signing up to
//! an event. Rate-limited per client address and per email, as event sign-ups are.

use super::{
    joins::{join_group_site, JoinDetails},
    published::{event_to_show, BlockData},
};
use crate::{
    error::{AppError, AppResult},
    events::{model::SignUpStatus, service::signups},
    groups::service::lookups::GroupRef,
    rate_limit::Limit,
    state::AppState,
    ui::plain_form::{posted, Fields},
};

/// Keeps the "stay in touch" details for `group` (an official local party group).
pub async fn join_from_form(
    state: &AppState,
    group: &GroupRef,
    form: &Fields,
    client: &str,
) -> AppResult<()> {
    if !group.verified {
        return Err(AppError::NotFound);
    }
    state.limits.check(Limit::SignUpsPerAddress, client)?;
    let details = JoinDetails::parse(
        posted(form, "name"),
        posted(form, "email"),
        posted(form, "postcode"),
        posted(form, "phone"),
        form.contains_key("consent_email"),
        form.contains_key("consent_sms"),
    )?;
    // Each join may email the address: a stranger may not send many.
    state
        .limits
        .check(Limit::SignUpsPerEmail, details.email.as_str())?;
    join_group_site(&state.db, group, &details, &state.settings.public_url).await
}

/// Signs a guest up to one of `event_id`'s slots, as the event page's form does.
pub async fn sign_up_from_form(
    state: &AppState,
    event_id: i32,
    form: &Fields,
    client: &str,
) -> AppResult<SignUpStatus> {
    let public_url = &state.settings.public_url;
    let BlockData::Event(detail) = event_to_show(&state.db, event_id, public_url).await? else {
        return Err(AppError::conflict(
            "This event is no longer open for sign-ups.",
        ));
    };
    let slot_id = posted(form, "slot_id")
        .parse::<i32>()
        .ok()
        .filter(|id| detail.slots.iter().any(|s| s.id == *id))
        .ok_or_else(|| AppError::invalid("slot_id", "Choose a date."))?;
    state.limits.check(Limit::SignUpsPerAddress, client)?;
    let details = signups::SignUpDetails::parse(
        posted(form, "name"),
        posted(form, "email"),
        posted(form, "phone"),
        posted(form, "postcode"),
        form.contains_key("consent_email"),
        form.contains_key("consent_sms"),
    )?;
    state
        .limits
        .check(Limit::SignUpsPerEmail, details.email.as_str())?;
    Ok(signups::sign_up(&state.db, slot_id, &details, public_url)
        .await?
        .status)
}
