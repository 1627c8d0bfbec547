//! Making phonebanks, listing them for the people who call or run them, pausing and
//! closing them, and letting callers in by the link.

use super::{
    access::Access,
    audience::{spec_for, take_snapshot, weigh, Callable},
};
use crate::{
    auth::model::{PersonView, Role},
    db::begin_write,
    error::{AppError, AppResult},
    groups::service::lookups::{active_group_ids, group_names},
    outreach::{
        model::AudienceKind,
        service::senders::{may_send_for, Sender},
    },
    phonebank::{
        entity::{caller, contact, phonebank},
        hours::{CallingWindow, Hours},
        model::{
            script::check_script, survey::parse_survey, CallersAllowed, ContactState,
            PhonebankList, PhonebankStatus, PhonebankSummary,
        },
    },
    tokens::new_token,
    validate::bounded_text,
};
use chrono::{DateTime, NaiveDate, Utc, Weekday};
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionSession, TransactionTrait,
};

/// A phonebank as its organiser set it out.
#[derive(Debug, Clone)]
pub struct NewPhonebank {
    pub name: String,
    pub purpose: String,
    pub script: String,
    pub survey: String,
    pub audience: AudienceKind,
    pub miles: i32,
    pub callers: CallersAllowed,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub daily: Hours,
}

/// Makes a phonebank for `sender`'s group (or nationally) and takes the snapshot of who
/// it calls, in one transaction. Returns its id.
pub async fn create_phonebank<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    sender: &Sender,
    new: NewPhonebank,
    window: &CallingWindow,
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let name = bounded_text("name", &new.name, 120, true)?;
    let purpose = bounded_text("purpose", &new.purpose, 1000, false)?;
    check_script(&new.script)?;
    parse_survey(&new.survey)?;
    if new.closes_on < new.opens_on {
        return Err(AppError::invalid(
            "closes_on",
            "The last day of calling comes on or after the first.",
        ));
    }
    if new.closes_on < now.date_naive() {
        return Err(AppError::invalid(
            "closes_on",
            "The last day of calling has passed.",
        ));
    }
    let overlaps =
        |day| window.on(day).from < new.daily.until && new.daily.from < window.on(day).until;
    if !overlaps(Weekday::Mon) && !overlaps(Weekday::Sun) {
        return Err(AppError::invalid(
            "daily_until",
            format!("Calls may only be made within the party's calling hours ({} Monday to Saturday, {} on Sunday).", window.weekdays, window.sunday),
        ));
    }
    let spec = spec_for(sender, new.audience, new.miles)?;
    let weighed = weigh(db, &spec, now).await?;
    if weighed.callable.is_empty() {
        return Err(AppError::invalid(
            "audience",
            "Nobody in this audience can be called yet: see who is left out and why.",
        ));
    }
    save_phonebank(
        db,
        sender,
        NewPhonebank {
            name,
            purpose,
            ..new
        },
        &weighed.callable,
        now,
    )
    .await
}

/// Writes a checked phonebank and the snapshot of who it calls, in one transaction.
/// Returns its id. (The demo and the bench call it with contacts they made.)
pub async fn save_phonebank<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    sender: &Sender,
    new: NewPhonebank,
    callable: &[Callable],
    now: DateTime<Utc>,
) -> AppResult<i32> {
    let txn = begin_write(db).await?;
    let made = phonebank::ActiveModel {
        group_id: Set(sender.group_id()),
        name: Set(new.name),
        purpose: Set(new.purpose),
        script: Set(new.script.trim().to_string()),
        survey: Set(new.survey.trim().to_string()),
        audience: Set(new.audience.as_str().to_string()),
        audience_miles: Set(new.miles),
        callers: Set(new.callers),
        join_token: Set(new_token()),
        opens_on: Set(new.opens_on),
        closes_on: Set(new.closes_on),
        daily_from: Set(new.daily.from as i32),
        daily_until: Set(new.daily.until as i32),
        status: Set(PhonebankStatus::Open),
        created_by: Set(Some(sender.person.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    take_snapshot(&txn, made.id, callable, now).await?;
    txn.commit().await?;
    Ok(made.id)
}

/// Pauses, reopens or closes a phonebank (a closed one stays closed).
pub async fn set_status(
    db: &impl ConnectionTrait,
    access: &Access,
    status: PhonebankStatus,
) -> AppResult<()> {
    if access.phonebank.status == PhonebankStatus::Closed {
        return Err(AppError::conflict("This phonebank is closed."));
    }
    phonebank::Entity::update_many()
        .col_expr(
            phonebank::Column::Status,
            sea_orm::sea_query::Expr::value(status),
        )
        .col_expr(
            phonebank::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(phonebank::Column::Id.eq(access.phonebank.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Lets `person` call for the phonebank whose link carries `token`; returns its id.
pub async fn join_by_link(
    db: &impl ConnectionTrait,
    token: &str,
    person: &PersonView,
) -> AppResult<i32> {
    let found = phonebank::Entity::find()
        .filter(phonebank::Column::JoinToken.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if found.status == PhonebankStatus::Closed {
        return Err(AppError::conflict("This phonebank is closed."));
    }
    let now = Utc::now();
    caller::Entity::insert(caller::ActiveModel {
        phonebank_id: Set(found.id),
        person_id: Set(person.id),
        guide_seen_at: Set(None),
        last_seen_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([caller::Column::PhonebankId, caller::Column::PersonId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(found.id)
}

/// The phonebanks `person` may call for or run, and the groups they may start one for.
pub async fn list_for(db: &impl ConnectionTrait, person: &PersonView) -> AppResult<PhonebankList> {
    let staff = person.has_role(Role::Staff);
    let groups = active_group_ids(db, person.id).await?;
    let joined: Vec<i32> = caller::Entity::find()
        .filter(caller::Column::PersonId.eq(person.id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.phonebank_id)
        .collect();
    let mut whose = Condition::any()
        .add(phonebank::Column::GroupId.is_in(groups.clone()))
        .add(phonebank::Column::Id.is_in(joined));
    if staff {
        whose = Condition::all();
    } else if person.has_role(Role::Member) {
        whose = whose.add(phonebank::Column::GroupId.is_null());
    }
    let found = phonebank::Entity::find()
        .filter(whose)
        .order_by_desc(phonebank::Column::Id)
        .all(db)
        .await?;
    let names = group_names(
        db,
        found
            .iter()
            .filter_map(|p| p.group_id)
            .chain(groups.iter().copied())
            .collect(),
    )
    .await?;
    let mut phonebanks = Vec::new();
    for p in found {
        let organiser = staff || may_send_for(db, p.group_id, person).await?;
        if p.status == PhonebankStatus::Closed && !organiser {
            continue;
        }
        let contacts_left = contact::Entity::find()
            .filter(contact::Column::PhonebankId.eq(p.id))
            .filter(contact::Column::State.eq(ContactState::Queued))
            .count(db)
            .await? as i64;
        phonebanks.push(PhonebankSummary {
            id: p.id,
            whose: p
                .group_id
                .and_then(|g| names.get(&g).cloned())
                .unwrap_or_else(|| "National".into()),
            name: p.name,
            purpose: p.purpose,
            status: p.status,
            contacts_left,
            organiser,
        });
    }
    let mut can_start_for = Vec::new();
    for id in groups {
        if may_send_for(db, Some(id), person).await? {
            can_start_for.push((id, names.get(&id).cloned().unwrap_or_default()));
        }
    }
    Ok(PhonebankList {
        phonebanks,
        can_start_for,
        national: staff,
    })
}
