//! The public list of sessions (live now, upcoming, past records), a group's sessions,
//! and where the viewer may host one.

use crate::{
    auth::model::{PersonView, Role},
    error::AppResult,
    format::format_time_range,
    groups::service::lookups::{active_group_ids, group_names},
    outreach::service::senders::may_send_for,
    qa::{
        entity::session,
        model::{Phase, Readers, SessionList, SessionSummary},
        service::{
            politicians::{politician_views, session_politician_ids},
            questions::phase_of,
        },
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Sessions ending after a year ago, newest first; `group_id` limits them to one group.
async fn summaries(
    db: &impl ConnectionTrait,
    group_id: Option<i32>,
    signed_in: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<SessionSummary>> {
    let mut query = session::Entity::find()
        .filter(session::Column::EndsAt.gt(now - Duration::days(365)))
        .order_by_asc(session::Column::StartsAt)
        .limit(200);
    if let Some(id) = group_id {
        query = query.filter(session::Column::GroupId.eq(id));
    }
    if !signed_in {
        query = query.filter(session::Column::Readers.eq(Readers::Anyone));
    }
    let found = query.all(db).await?;
    let names = group_names(db, found.iter().filter_map(|s| s.group_id).collect()).await?;
    let mut out = Vec::new();
    for s in found {
        let with = politician_views(db, session_politician_ids(db, s.id).await?)
            .await?
            .into_iter()
            .map(|p| p.name)
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(SessionSummary {
            id: s.id,
            title: s.title.clone(),
            kind: s.kind,
            phase: phase_of(&s, now),
            whose: s
                .group_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "National".to_string()),
            with,
            when: format_time_range(s.starts_at, s.ends_at),
        });
    }
    Ok(out)
}

/// The public list for `viewer`.
pub async fn session_list(
    db: &impl ConnectionTrait,
    viewer: Option<&PersonView>,
    now: DateTime<Utc>,
) -> AppResult<SessionList> {
    let all = summaries(db, None, viewer.is_some(), now).await?;
    let mut list = SessionList::default();
    for s in all {
        match s.phase {
            Phase::Live => list.live.push(s),
            Phase::Upcoming | Phase::Asking => list.upcoming.push(s),
            Phase::Closed => list.past.push(s),
        }
    }
    list.past.reverse();
    if let Some(person) = viewer {
        list.national = person.has_role(Role::Staff);
        let groups = active_group_ids(db, person.id).await?;
        let names = group_names(db, groups.clone()).await?;
        for id in groups {
            if may_send_for(db, Some(id), person).await? {
                list.can_host_for
                    .push((id, names.get(&id).cloned().unwrap_or_default()));
            }
        }
    }
    Ok(list)
}

/// A group's sessions, for its page: those not yet over, then the last few records.
pub async fn group_sessions(
    db: &impl ConnectionTrait,
    group_id: i32,
    signed_in: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<SessionSummary>> {
    let mut all = summaries(db, Some(group_id), signed_in, now).await?;
    all.sort_by_key(|s| s.phase == Phase::Closed);
    all.truncate(6);
    Ok(all)
}
