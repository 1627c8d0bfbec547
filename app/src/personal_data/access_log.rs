//! The access log: every time staff, hosts or organisers view other people's personal
//! data, one row per person viewed. Domains call `record` where they show such data; the
//! privacy domain reads it back for staff and for each person's download.

use super::entity::access_entry;
use crate::error::AppResult;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// Who looked, in what standing, at what.
#[derive(Clone, Copy, Debug)]
pub struct Viewing<'a> {
    pub viewer_id: i32,
    pub viewer_role: &'a str,
    pub what: &'a str,
}

/// Whose details were shown: an account, or a guest known only by address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Viewed {
    Account(i32),
    Guest(String),
}

/// How long one look lasts: the same viewer reloading the same list within this time
/// (a host's dashboard refreshes after every check-in) is the same look, so only people
/// it had not shown them yet are logged again.
const ONE_LOOK_MINUTES: i64 = 10;

/// Records that `viewing` showed each of `whose` (the viewer's own details are not
/// logged). Rows go in batches, so a long list costs a few inserts, not one per person.
pub async fn record(
    db: &impl ConnectionTrait,
    viewing: Viewing<'_>,
    whose: impl IntoIterator<Item = Viewed>,
) -> AppResult<()> {
    let now = Utc::now();
    let seen = seen_just_now(db, &viewing, now).await?;
    let rows: Vec<access_entry::ActiveModel> = whose
        .into_iter()
        .filter(|viewed| *viewed != Viewed::Account(viewing.viewer_id) && !seen.contains(viewed))
        .map(|viewed| {
            let (subject_id, subject_email) = match viewed {
                Viewed::Account(id) => (Some(id), None),
                Viewed::Guest(email) => (None, Some(email)),
            };
            access_entry::ActiveModel {
                viewer_id: Set(Some(viewing.viewer_id)),
                viewer_role: Set(viewing.viewer_role.chars().take(200).collect()),
                what: Set(viewing.what.to_string()),
                subject_id: Set(subject_id),
                subject_email: Set(subject_email),
                created_at: Set(now),
                ..Default::default()
            }
        })
        .collect();
    for batch in rows.chunks(200) {
        access_entry::Entity::insert_many(batch.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Records one person shown on their own (a phonebank's call): each is its own look, so
/// there is nothing to fold together and no need to read what was logged before.
pub async fn record_one(
    db: &impl ConnectionTrait,
    viewing: Viewing<'_>,
    whose: Viewed,
) -> AppResult<()> {
    if whose == Viewed::Account(viewing.viewer_id) {
        return Ok(());
    }
    let (subject_id, subject_email) = match whose {
        Viewed::Account(id) => (Some(id), None),
        Viewed::Guest(email) => (None, Some(email)),
    };
    access_entry::Entity::insert(access_entry::ActiveModel {
        viewer_id: Set(Some(viewing.viewer_id)),
        viewer_role: Set(viewing.viewer_role.chars().take(200).collect()),
        what: Set(viewing.what.to_string()),
        subject_id: Set(subject_id),
        subject_email: Set(subject_email),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Whom this viewer's look at the same thing showed in the last few minutes.
async fn seen_just_now(
    db: &impl ConnectionTrait,
    viewing: &Viewing<'_>,
    now: DateTime<Utc>,
) -> AppResult<std::collections::HashSet<Viewed>> {
    use access_entry::Column;
    let rows = access_entry::Entity::find()
        .filter(Column::ViewerId.eq(viewing.viewer_id))
        .filter(Column::What.eq(viewing.what))
        .filter(Column::CreatedAt.gt(now - chrono::Duration::minutes(ONE_LOOK_MINUTES)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| match (row.subject_id, row.subject_email) {
            (Some(id), _) => Some(Viewed::Account(id)),
            (None, Some(email)) => Some(Viewed::Guest(email)),
            (None, None) => None,
        })
        .collect())
}

/// One line of the log, as stored.
#[derive(Clone, Debug)]
pub struct AccessEntry {
    pub id: i32,
    pub viewer_id: Option<i32>,
    pub viewer_role: String,
    pub what: String,
    pub subject_id: Option<i32>,
    pub subject_email: Option<String>,
    pub at: DateTime<Utc>,
}

/// What staff filter the log by.
#[derive(Clone, Debug, Default)]
pub struct AccessFilter {
    pub viewer_id: Option<i32>,
    pub subject_id: Option<i32>,
    pub subject_email: Option<String>,
    /// One of `viewed_things`.
    pub what: Option<String>,
    pub since: Option<DateTime<Utc>>,
    /// Entries older than this id (the next page).
    pub before_id: Option<i32>,
}

/// The newest entries matching `filter`, at most `limit`.
pub async fn entries(
    db: &impl ConnectionTrait,
    filter: &AccessFilter,
    limit: u64,
) -> AppResult<Vec<AccessEntry>> {
    use access_entry::Column;
    let mut query = access_entry::Entity::find();
    if let Some(id) = filter.viewer_id {
        query = query.filter(Column::ViewerId.eq(id));
    }
    if let Some(id) = filter.subject_id {
        query = query.filter(Column::SubjectId.eq(id));
    }
    if let Some(email) = &filter.subject_email {
        query = query.filter(Column::SubjectEmail.eq(email.clone()));
    }
    if let Some(what) = &filter.what {
        query = query.filter(Column::What.eq(what.clone()));
    }
    if let Some(since) = filter.since {
        query = query.filter(Column::CreatedAt.gte(since));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(Column::Id.lt(before));
    }
    let rows = query.order_by_desc(Column::Id).limit(limit).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|row| AccessEntry {
            id: row.id,
            viewer_id: row.viewer_id,
            viewer_role: row.viewer_role,
            what: row.what,
            subject_id: row.subject_id,
            subject_email: row.subject_email,
            at: row.created_at,
        })
        .collect())
}

/// The access log's own entry in the registry: a person's download shows who viewed
/// them (the viewer's role, not their address); erasing a person empties them out of it,
/// keeping the record that a list was viewed.
pub const TABLES: &[super::PersonalTable] = &[super::PersonalTable {
    table: "access_log",
    what: "Who viewed your details: when, what they looked at, and in what role",
    why: "So that every look at members' details by staff, hosts and organisers can be checked",
    basis: super::Basis::LegitimateInterests,
    kept: "Two years",
    personal: &["viewer_id", "viewer_role", "subject_id", "subject_email"],
    not_exported: &["viewer_id"],
    not_personal: &[("what", "names the list that was viewed, never a person")],
    links: &[
        super::Link {
            by: super::Finder::Person("subject_id"),
            export: true,
            erase: super::Erase::Delete,
        },
        super::Link {
            by: super::Finder::Email {
                column: "subject_email",
                account: Some("subject_id"),
            },
            export: true,
            erase: super::Erase::Delete,
        },
        super::Link {
            by: super::Finder::Person("viewer_id"),
            export: false,
            erase: super::Erase::Clear(&["viewer_id"]),
        },
    ],
}];

/// Deletes entries older than `before` (retention).
pub async fn purge_older_than(db: &impl ConnectionTrait, before: DateTime<Utc>) -> AppResult<u64> {
    Ok(access_entry::Entity::delete_many()
        .filter(access_entry::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
