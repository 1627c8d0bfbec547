//! The call page's service: open or not, the caller's day, and the next call — one
//! contact, shown with no more than the script needs, and logged as seen.

use super::{
    access::{group_of, Access},
    calls::caller_day,
    dashboard::{queue_state, short_name},
    leasing::{lease_next, Lessee},
    tps::screening_counts,
};
use crate::{
    error::AppResult,
    events::{model::event_path, service::lookups::upcoming_events_of_group},
    format::format_when,
    groups::service::markdown::render_markdown,
    personal_data::{
        access_log::{record_one, Viewed, Viewing},
        viewed_things::PHONEBANK_CALL,
    },
    phonebank::{
        entity::{caller, contact},
        hours::{calling_open, CallingWindow, Hours, Schedule},
        model::{
            script::{fill_html, sections, MergeValues},
            survey::parse_survey,
            CallPageView, CallView, NextCall, PhonebankStatus, ScriptSection,
        },
    },
    tokens::new_token,
};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
};

/// What the call page needs from outside the phonebank.
#[derive(Debug, Clone)]
pub struct CallSettings<'a> {
    pub window: CallingWindow,
    /// Calls go through the telephony provider: the number never reaches the page.
    pub bridged: bool,
    pub public_url: &'a str,
}

/// The call page for the caller `access` let in: the next call, or why there is none.
pub async fn call_page(
    db: &impl ConnectionTrait,
    access: &Access,
    settings: &CallSettings<'_>,
    now: DateTime<Utc>,
) -> AppResult<CallPageView> {
    let found = &access.phonebank;
    let first_time = seen_now(db, found.id, access.person.id, now).await?;
    let midnight = London
        .from_local_datetime(
            &now.with_timezone(&London)
                .date_naive()
                .and_time(NaiveTime::MIN),
        )
        .earliest()
        .map_or(now, |t| t.with_timezone(&Utc));
    let day = caller_day(db, access.person.id, midnight).await?;
    let next = next_call(db, access, settings, now).await?;
    Ok(CallPageView {
        phonebank_id: found.id,
        name: found.name.clone(),
        first_time,
        day,
        next,
    })
}

async fn next_call(
    db: &impl ConnectionTrait,
    access: &Access,
    settings: &CallSettings<'_>,
    now: DateTime<Utc>,
) -> AppResult<NextCall> {
    let found = &access.phonebank;
    match found.status {
        PhonebankStatus::Paused => return Ok(NextCall::Paused),
        PhonebankStatus::Closed => return Ok(NextCall::Closed { opens: None }),
        PhonebankStatus::Open => {}
    }
    let schedule = Schedule {
        opens_on: found.opens_on,
        closes_on: found.closes_on,
        daily: Hours {
            from: found.daily_from as u32,
            until: found.daily_until as u32,
        },
    };
    if let Err(opens) = calling_open(&settings.window, &schedule, now) {
        return Ok(NextCall::Closed {
            opens: opens.map(format_when),
        });
    }
    let who = Lessee {
        phonebank_id: found.id,
        caller_id: access.person.id,
        tps_counts: screening_counts(db, now.date_naive()).await?,
    };
    let Some(leased) = lease_next(db, who, now).await? else {
        return Ok(NextCall::Empty(queue_state(db, found.id, now).await?));
    };
    let seen = leased
        .person_id
        .map_or_else(|| Viewed::Guest(leased.email.clone()), Viewed::Account);
    let role = format!("caller for “{}”", found.name);
    record_one(
        db,
        Viewing {
            viewer_id: access.person.id,
            viewer_role: &role,
            what: PHONEBANK_CALL,
        },
        seen,
    )
    .await?;
    Ok(NextCall::Call(
        call_view(db, access, &leased, settings, now).await?,
    ))
}

/// Notes the caller is on the page (for "callers calling now"); true until they have read
/// the guide. Writes only when the last note is over half a minute old.
async fn seen_now(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    person_id: i32,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let row = caller::Entity::find()
        .filter(caller::Column::PhonebankId.eq(phonebank_id))
        .filter(caller::Column::PersonId.eq(person_id))
        .one(db)
        .await?;
    if row
        .as_ref()
        .is_some_and(|r| r.last_seen_at > now - Duration::seconds(30))
    {
        return Ok(row.is_none_or(|r| r.guide_seen_at.is_none()));
    }
    caller::Entity::insert(caller::ActiveModel {
        phonebank_id: Set(phonebank_id),
        person_id: Set(person_id),
        guide_seen_at: Set(None),
        last_seen_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([caller::Column::PhonebankId, caller::Column::PersonId])
            .value(caller::Column::LastSeenAt, Expr::value(now))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(row.is_none_or(|r| r.guide_seen_at.is_none()))
}

/// Marks the guide read, so the call page goes straight to calls.
pub async fn guide_read(
    db: &impl ConnectionTrait,
    phonebank_id: i32,
    person_id: i32,
) -> AppResult<()> {
    let now = Utc::now();
    caller::Entity::insert(caller::ActiveModel {
        phonebank_id: Set(phonebank_id),
        person_id: Set(person_id),
        guide_seen_at: Set(Some(now)),
        last_seen_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([caller::Column::PhonebankId, caller::Column::PersonId])
            .value(caller::Column::GuideSeenAt, Expr::value(now))
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

async fn call_view(
    db: &impl ConnectionTrait,
    access: &Access,
    leased: &contact::Model,
    settings: &CallSettings<'_>,
    now: DateTime<Utc>,
) -> AppResult<CallView> {
    let found = &access.phonebank;
    let group = group_of(db, found).await?;
    let event = match &group {
        Some(g) => upcoming_events_of_group(db, g.id, now, 1)
            .await?
            .into_iter()
            .next(),
        None => None,
    };
    let values = MergeValues {
        first_name: leased
            .name
            .split_whitespace()
            .next()
            .unwrap_or("friend")
            .to_string(),
        caller_first_name: access
            .person
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        group_name: group
            .as_ref()
            .map_or_else(|| "the party".to_string(), |g| g.name.clone()),
        event_title: event.as_ref().map(|e| e.title.clone()).unwrap_or_default(),
        event_link: event
            .as_ref()
            .map(|e| format!("{}{}", settings.public_url, event_path(e.id, &e.slug)))
            .unwrap_or_default(),
    };
    let script = sections(&found.script)
        .into_iter()
        .map(|(heading, body)| ScriptSection {
            heading,
            html: fill_html(&render_markdown(&body), &values),
        })
        .collect();
    Ok(CallView {
        contact_id: leased.id,
        lease: leased.lease_seq,
        name: short_name(&leased.name),
        area: leased.outward.clone(),
        tel: (!settings.bridged).then(|| format!("tel:{}", leased.phone)),
        script,
        questions: parse_survey(&found.survey).unwrap_or_default(),
        call_key: new_token(),
    })
}
