//! The call page's service: open or not, the caller's day, and the next call — one
//! contact, shown with no more than the script needs, and logged as seen.

use super::{
    access::Access,
    calls::caller_day,
    dashboard::{queue_state, short_name},
    kept::calling_for,
    leasing::{lease_next, Lessee},
};
use crate::{
    error::AppResult,
    events::model::event_path,
    format::format_when,
    groups::service::markdown::render_markdown,
    live::LiveBus,
    personal_data::{access_log::Viewing, viewed_things::PHONEBANK_CALL},
    phonebank::{
        entity::{caller, contact, phonebank},
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
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::{
    collections::HashMap,
    sync::{Arc, Mutex, OnceLock},
};

/// What the call page needs from outside the phonebank.
#[derive(Clone)]
pub struct CallSettings<'a> {
    pub window: CallingWindow,
    /// Calls go through the telephony provider: the number never reaches the page.
    pub bridged: bool,
    pub public_url: &'a str,
    /// This process's bus, where what every call reads is kept (`kept`).
    pub live: &'a LiveBus,
}

/// The call page for the caller `access` let in: the next call, or why there is none.
pub async fn call_page<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: &Access,
    settings: &CallSettings<'_>,
    now: DateTime<Utc>,
) -> AppResult<CallPageView> {
    let found = &access.phonebank;
    let first_time = seen_now(db, access, now).await?;
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

async fn next_call<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    access: &Access,
    settings: &CallSettings<'_>,
    now: DateTime<Utc>,
) -> AppResult<NextCall> {
    let found = &access.phonebank;
    let who = match calling_now(access, &settings.window, now) {
        Ok(who) => who,
        Err(answer) => return Ok(*answer),
    };
    let role = caller_role(found);
    let seen = Viewing {
        viewer_id: access.person.id,
        viewer_role: &role,
        what: PHONEBANK_CALL,
    };
    let Some(leased) = lease_next(db, who, Some(seen), now).await? else {
        return Ok(NextCall::Empty(queue_state(db, found.id, now).await?));
    };
    Ok(NextCall::Call(call_view(access, &leased, settings).await?))
}

/// Whether calls may be handed out now, and to whom; else the page's answer instead of a
/// call (paused, closed, or outside calling hours).
pub fn calling_now(
    access: &Access,
    window: &CallingWindow,
    now: DateTime<Utc>,
) -> Result<Lessee, Box<NextCall>> {
    let found = &access.phonebank;
    match found.status {
        PhonebankStatus::Paused => return Err(Box::new(NextCall::Paused)),
        PhonebankStatus::Closed => return Err(Box::new(NextCall::Closed { opens: None })),
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
    if let Err(opens) = calling_open(window, &schedule, now) {
        return Err(Box::new(NextCall::Closed {
            opens: opens.map(format_when),
        }));
    }
    Ok(Lessee {
        phonebank_id: found.id,
        caller_id: access.person.id,
    })
}

/// How a caller is named in the access log.
pub fn caller_role(found: &phonebank::Model) -> String {
    format!("caller for “{}”", found.name)
}

/// Notes the caller is on the page (for "callers calling now"); true until they have read
/// the guide. Writes only when the last note is over half a minute old.
async fn seen_now(
    db: &impl ConnectionTrait,
    access: &Access,
    now: DateTime<Utc>,
) -> AppResult<bool> {
    let (phonebank_id, person_id) = (access.phonebank.id, access.person.id);
    let row = match &access.caller {
        Some(row) => Some(row.clone()),
        None => {
            caller::Entity::find()
                .filter(caller::Column::PhonebankId.eq(phonebank_id))
                .filter(caller::Column::PersonId.eq(person_id))
                .one(db)
                .await?
        }
    };
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
    access: &Access,
    leased: &contact::Model,
    settings: &CallSettings<'_>,
) -> AppResult<CallView> {
    let found = &access.phonebank;
    let calling_for = calling_for(settings.live, found).await?;
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
        group_name: calling_for
            .group_name
            .clone()
            .unwrap_or_else(|| "the party".to_string()),
        event_title: calling_for
            .next_event
            .as_ref()
            .map(|(_, _, title)| title.clone())
            .unwrap_or_default(),
        event_link: calling_for
            .next_event
            .as_ref()
            .map(|(id, slug, _)| format!("{}{}", settings.public_url, event_path(*id, slug)))
            .unwrap_or_default(),
    };
    let script = rendered_script(found.id, &found.script)
        .iter()
        .map(|(heading, html)| ScriptSection {
            heading: heading.clone(),
            html: fill_html(html, &values),
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

/// A script's sections as HTML, merge fields still to fill. Rendering Markdown and
/// cleaning the HTML is most of a call page's work, and a phonebank's script is the same
/// for every call, so each process keeps the result, checked against the script's text
/// (a changed script is rendered again).
fn rendered_script(phonebank_id: i32, script: &str) -> Arc<Vec<(String, String)>> {
    type Rendered = HashMap<i32, (String, Arc<Vec<(String, String)>>)>;
    static KEPT: OnceLock<Mutex<Rendered>> = OnceLock::new();
    let kept = KEPT.get_or_init(Mutex::default);
    if let Some((text, html)) = kept
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&phonebank_id)
    {
        if text == script {
            return html.clone();
        }
    }
    let html: Arc<Vec<(String, String)>> = Arc::new(
        sections(script)
            .into_iter()
            .map(|(heading, body)| (heading, render_markdown(&body)))
            .collect(),
    );
    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
    // Open phonebanks are few; a process that has seen many starts again.
    if kept.len() >= 1_000 {
        kept.clear();
    }
    kept.insert(phonebank_id, (script.to_string(), html.clone()));
    html
}
