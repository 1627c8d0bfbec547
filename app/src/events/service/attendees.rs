//! What hosts see and do: the attendee list, check-in and the CSV export. Attendee data
//! is for the event's host and staff only; everyone else is refused here, in the service.

use super::{
    catalogue::{slot_view, slots_of},
    hosts::{event_for_host, list_cohosts},
};
use crate::{
    auth::model::{PersonView, Role},
    error::{AppError, AppResult},
    events::{
        entity::{event_slot, signup},
        model::{event_path, AttendeeView, DashboardView, SignUpStatus},
    },
    format::format_time_range,
    personal_data::{
        access_log::{self, Viewed, Viewing},
        viewed_things,
    },
    ui::escape::csv_row,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// Everyone signed up (confirmed first, then the waitlist in order), for the host. The
/// access log records the view.
pub async fn get_dashboard(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
) -> AppResult<DashboardView> {
    let (dashboard, seen) = dashboard_of(db, event_id, viewer).await?;
    log_view(db, &dashboard, viewer, viewed_things::ATTENDEE_LIST, seen).await?;
    Ok(dashboard)
}

/// Records in the access log that `viewer` saw these attendees' details.
async fn log_view(
    db: &impl ConnectionTrait,
    dashboard: &DashboardView,
    viewer: &PersonView,
    what: &str,
    seen: Vec<Viewed>,
) -> AppResult<()> {
    let role = if viewer.has_role(Role::Staff) {
        "staff".to_string()
    } else {
        format!("host of “{}”", dashboard.title)
    };
    let viewing = Viewing {
        viewer_id: viewer.id,
        viewer_role: &role,
        what,
    };
    access_log::record(db, viewing, seen).await
}

async fn dashboard_of(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
) -> AppResult<(DashboardView, Vec<Viewed>)> {
    let found = event_for_host(db, event_id, viewer).await?;
    let slots = slots_of(db, event_id).await?;
    let rows = signup::Entity::find()
        .filter(signup::Column::SlotId.is_in(slots.iter().map(|s| s.id)))
        .filter(signup::Column::Status.ne(SignUpStatus::Cancelled))
        .order_by_asc(signup::Column::Id)
        .all(db)
        .await?;
    let seen = rows
        .iter()
        .map(|row| match row.person_id {
            Some(id) => Viewed::Account(id),
            None => Viewed::Guest(row.email.clone()),
        })
        .collect();
    let mut attendees: Vec<AttendeeView> = rows
        .into_iter()
        .map(|row| {
            let (slot, when) = slots
                .iter()
                .find(|s| s.id == row.slot_id)
                .map(|s| {
                    (
                        slot_view(s).describe(),
                        format_time_range(s.starts_at, s.ends_at),
                    )
                })
                .unwrap_or_default();
            AttendeeView {
                signup_id: row.id,
                name: row.name,
                email: row.email,
                phone: row.phone,
                status: row.status,
                checked_in: row.checked_in_at.is_some(),
                slot,
                when,
                slot_id: row.slot_id,
            }
        })
        .collect();
    attendees.sort_by_key(|a| a.status != SignUpStatus::Confirmed);
    let dashboard = DashboardView {
        event_id,
        title: found.title.clone(),
        path: event_path(found.id, &found.slug),
        status: found.status,
        attendees,
        slots: slots.iter().map(slot_view).collect(),
        cohosts: list_cohosts(db, event_id).await?,
        is_main_host: found.host_id == viewer.id || viewer.has_role(Role::Staff),
    };
    Ok((dashboard, seen))
}

/// Marks a confirmed attendee as there (`arrived` true), not there (false), or the
/// opposite of now (None). Returns the state after.
pub async fn set_check_in(
    db: &impl ConnectionTrait,
    signup_id: i32,
    viewer: &PersonView,
    arrived: Option<bool>,
) -> AppResult<bool> {
    let row = signup::Entity::find_by_id(signup_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let slot = event_slot::Entity::find_by_id(row.slot_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    event_for_host(db, slot.event_id, viewer).await?;
    if row.status != SignUpStatus::Confirmed {
        return Err(AppError::conflict(
            "Only people with a confirmed place can be checked in.",
        ));
    }
    let now_in = arrived.unwrap_or(row.checked_in_at.is_none());
    if now_in == row.checked_in_at.is_some() {
        return Ok(now_in); // already so: a repeated tap changes nothing
    }
    let mut active: signup::ActiveModel = row.into();
    active.checked_in_at = Set(now_in.then(Utc::now));
    active.updated_at = Set(Utc::now());
    active.update(db).await?;
    Ok(now_in)
}

/// The attendee list as CSV: the details people gave for this event, and nothing else.
pub async fn attendees_csv(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
) -> AppResult<String> {
    let (dashboard, seen) = dashboard_of(db, event_id, viewer).await?;
    log_view(db, &dashboard, viewer, viewed_things::ATTENDEE_CSV, seen).await?;
    let mut out = String::from("name,email,phone,status,checked_in,when,slot\r\n");
    for a in dashboard.attendees {
        let fields = [
            a.name,
            a.email,
            a.phone.unwrap_or_default(),
            a.status.as_str().to_string(),
            if a.checked_in { "yes" } else { "no" }.to_string(),
            a.when,
            a.slot,
        ];
        out.push_str(&csv_row(&fields));
    }
    Ok(out)
}
