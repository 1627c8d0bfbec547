//! Staff approval of events from people who are not verified members, when staff ask
//! for it. Waiting events are listed for staff only and shown only to their hosts.

use super::new_event::Publication;
use crate::{
    auth::{
        model::{PersonView, Role},
        service::directory::{names_of, person_ref},
    },
    db::begin_write,
    error::{AppError, AppResult},
    events::{
        entity::event,
        model::{event_path, ApprovalQueueView, EventStatus, PendingEventView},
    },
    format::format_when,
    mail::{queue_templated, Template},
    site_settings::{self, EVENTS_NEED_APPROVAL},
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};

fn require_staff(viewer: &PersonView) -> AppResult<()> {
    if viewer.has_role(Role::Staff) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether an event `host` creates goes live at once or waits for staff.
pub async fn publication_for(
    db: &impl ConnectionTrait,
    host: &PersonView,
) -> AppResult<Publication> {
    let trusted = host.has_role(Role::Member) || host.has_role(Role::Staff);
    if trusted || !site_settings::is_on_or(db, EVENTS_NEED_APPROVAL, true).await? {
        Ok(Publication::Published)
    } else {
        Ok(Publication::AwaitingApproval)
    }
}

/// Events waiting for approval, oldest first. Staff only.
pub async fn approval_queue(
    db: &impl ConnectionTrait,
    viewer: &PersonView,
) -> AppResult<ApprovalQueueView> {
    require_staff(viewer)?;
    let rows = event::Entity::find()
        .filter(event::Column::Status.eq(EventStatus::Pending))
        .order_by_asc(event::Column::CreatedAt)
        .all(db)
        .await?;
    let hosts = names_of(db, rows.iter().map(|e| e.host_id)).await?;
    Ok(ApprovalQueueView {
        approval_required: site_settings::is_on_or(db, EVENTS_NEED_APPROVAL, true).await?,
        events: rows
            .into_iter()
            .map(|e| PendingEventView {
                id: e.id,
                path: event_path(e.id, &e.slug),
                title: e.title,
                host_name: hosts.get(&e.host_id).cloned().unwrap_or_default(),
                when: format_when(e.starts_at),
                place: [
                    e.venue,
                    e.postcode,
                    e.online_url.map(|_| "Online".to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            })
            .collect(),
    })
}

/// Turns the approval rule on or off. Staff only.
pub async fn set_approval_required(
    db: &impl ConnectionTrait,
    viewer: &PersonView,
    on: bool,
) -> AppResult<()> {
    require_staff(viewer)?;
    site_settings::set(db, EVENTS_NEED_APPROVAL, on).await?;
    tracing::info!(by = viewer.id, on, "event approval rule changed");
    Ok(())
}

/// Publishes or refuses a waiting event, and tells its host. Staff only.
pub async fn decide<C>(
    db: &C,
    viewer: &PersonView,
    event_id: i32,
    approve: bool,
    public_url: &str,
) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    require_staff(viewer)?;
    let found = event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status != EventStatus::Pending {
        return Err(AppError::conflict(
            "This event is not waiting for approval.",
        ));
    }
    let host = person_ref(db, found.host_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = if approve {
        EventStatus::Published
    } else {
        EventStatus::Rejected
    };
    let link = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        event_path(found.id, &found.slug)
    );
    let title = found.title.clone();
    let mut active: event::ActiveModel = found.into();
    active.status = Set(status);
    active.updated_at = Set(Utc::now());
    let txn = begin_write(db).await?;
    active.update(&txn).await?;
    let values = context! { name => &host.name, approved => approve, title, event_url => link };
    queue_templated(&txn, &host.email, Template::EventDecision, values).await?;
    txn.commit().await?;
    tracing::info!(event_id, by = viewer.id, approve, "event approval decided");
    Ok(())
}
