//! What other domains ask of the people table, which auth owns: names, addresses, the
//! profile's own fields, and contacts for outreach's queries. Nobody else reads or writes
//! the table itself.

use crate::{
    auth::{entity::person, model::Sharing},
    error::AppResult,
};
use chrono::Utc;
use sea_orm::{
    sea_query::{Alias, Condition, Expr, ExprTrait, Func, Query, SelectStatement, SimpleExpr},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// An account as other domains see it: never its password or secrets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    pub id: i32,
    pub name: String,
    pub email: String,
    /// The owner proved the address is theirs.
    pub email_confirmed: bool,
}

impl From<person::Model> for PersonRef {
    fn from(p: person::Model) -> Self {
        Self {
            id: p.id,
            name: p.name,
            email: p.email,
            email_confirmed: p.email_confirmed_at.is_some(),
        }
    }
}

/// The account `id`, if there is one.
pub async fn person_ref(db: &impl ConnectionTrait, id: i32) -> AppResult<Option<PersonRef>> {
    Ok(person::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(PersonRef::from))
}

/// The account of `email` (already normalised), if there is one.
pub async fn person_ref_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> AppResult<Option<PersonRef>> {
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(db)
        .await?
        .map(PersonRef::from))
}

/// A contact's confirmed mobile number and postcode, for a phonebank's audience.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallDetails {
    pub mobile: Option<String>,
    pub postcode: Option<String>,
}

/// id, mobile, when it was confirmed, postcode.
type CallDetailsRow = (
    i32,
    Option<String>,
    Option<chrono::DateTime<Utc>>,
    Option<String>,
);

/// The confirmed mobile numbers and postcodes of the accounts among `ids`.
pub async fn call_details_of(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> AppResult<HashMap<i32, CallDetails>> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<CallDetailsRow> = person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.iter().copied()))
            .select_only()
            .column(person::Column::Id)
            .column(person::Column::Mobile)
            .column(person::Column::MobileConfirmedAt)
            .column(person::Column::Postcode)
            .into_tuple()
            .all(db)
            .await?;
        for (id, mobile, confirmed, postcode) in rows {
            let mobile = mobile.filter(|_| confirmed.is_some());
            found.insert(id, CallDetails { mobile, postcode });
        }
    }
    Ok(found)
}

/// The names of the accounts among `ids` that exist.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> AppResult<HashMap<i32, String>> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(names_where(db, person::Column::Id.is_in(ids), false)
        .await?
        .into_iter()
        .collect())
}

/// The accounts among `ids`, as (id, name), by name.
pub async fn names_by_name(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> AppResult<Vec<(i32, String)>> {
    names_where(db, person::Column::Id.is_in(ids), true).await
}

/// The accounts in the id subquery `ids` whose attendance setting is `sharing`: id → name.
pub async fn names_sharing(
    db: &impl ConnectionTrait,
    ids: SelectStatement,
    sharing: Sharing,
) -> AppResult<HashMap<i32, String>> {
    let cond = Condition::all()
        .add(person::Column::Id.in_subquery(ids))
        .add(person::Column::ShareAttendance.eq(sharing));
    Ok(names_where(db, cond, false).await?.into_iter().collect())
}

/// (id, name) of the accounts matching `cond`, by name only when `by_name` (the lookups
/// that fill a map, such as a forum page's authors, need no sort).
async fn names_where(
    db: &impl ConnectionTrait,
    cond: impl sea_orm::sea_query::IntoCondition,
    by_name: bool,
) -> AppResult<Vec<(i32, String)>> {
    let mut query = person::Entity::find().filter(cond);
    if by_name {
        query = query.order_by_asc(person::Column::Name);
    }
    Ok(query
        .select_only()
        .columns([person::Column::Id, person::Column::Name])
        .into_tuple()
        .all(db)
        .await?)
}

/// A subquery of the ids in the id subquery `ids` whose attendance setting is `sharing`.
pub fn ids_sharing(ids: SelectStatement, sharing: Sharing) -> SelectStatement {
    Query::select()
        .column(person::Column::Id)
        .from(person::Entity)
        .and_where(person::Column::Id.in_subquery(ids))
        .and_where(person::Column::ShareAttendance.eq(sharing))
        .to_owned()
}

/// The addresses of the accounts in the id subquery `ids`.
pub async fn emails_of(db: &impl ConnectionTrait, ids: SelectStatement) -> AppResult<Vec<String>> {
    Ok(person::Entity::find()
        .filter(person::Column::Id.in_subquery(ids))
        .select_only()
        .column(person::Column::Email)
        .into_tuple()
        .all(db)
        .await?)
}

/// Who sees the events the person signs up to; None until they answer.
pub async fn attendance_setting(db: &impl ConnectionTrait, id: i32) -> AppResult<Option<Sharing>> {
    Ok(person::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|p| p.share_attendance))
}

/// Stores who sees the events the person signs up to (people's privacy service).
pub async fn set_attendance_setting(
    db: &impl ConnectionTrait,
    id: i32,
    sharing: Sharing,
) -> AppResult<()> {
    person::Entity::update_many()
        .col_expr(person::Column::ShareAttendance, Expr::value(sharing))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Stores the profile's name and postcode (both validated by people). False when there is
/// no such account.
pub async fn set_name_and_postcode(
    db: &impl ConnectionTrait,
    id: i32,
    name: &str,
    postcode: Option<&str>,
) -> AppResult<bool> {
    let done = person::Entity::update_many()
        .col_expr(person::Column::Name, Expr::value(name))
        .col_expr(
            person::Column::Postcode,
            Expr::value(postcode.map(str::to_string)),
        )
        .col_expr(person::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(done.rows_affected > 0)
}

/// The secret of the person's calendar feed, if they have one.
pub async fn calendar_token_of(db: &impl ConnectionTrait, id: i32) -> AppResult<Option<String>> {
    Ok(person::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|p| p.calendar_token))
}

/// Stores a new calendar feed secret for the person.
pub async fn set_calendar_token(db: &impl ConnectionTrait, id: i32, token: &str) -> AppResult<()> {
    person::Entity::update_many()
        .col_expr(person::Column::CalendarToken, Expr::value(token))
        .filter(person::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The account whose calendar feed secret is `token`.
pub async fn person_by_calendar_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> AppResult<Option<PersonRef>> {
    Ok(person::Entity::find()
        .filter(person::Column::CalendarToken.eq(token))
        .one(db)
        .await?
        .map(PersonRef::from))
}

/// What a search for people matches: one exact address, or a name fragment among the
/// ids of a subquery.
pub enum PersonSearch {
    Email(String),
    NameAmong {
        fragment: String,
        ids: Box<SelectStatement>,
    },
}

/// Up to `limit` accounts matching `search`, by name, leaving out `not` and the ids of
/// the subquery `excluded`: (id, name).
pub async fn search_people(
    db: &impl ConnectionTrait,
    search: PersonSearch,
    not: i32,
    excluded: SelectStatement,
    limit: u64,
) -> AppResult<Vec<(i32, String)>> {
    let mut query = person::Entity::find().filter(person::Column::Id.ne(not));
    query = match search {
        PersonSearch::Email(email) => query.filter(person::Column::Email.eq(email)),
        PersonSearch::NameAmong { fragment, ids } => {
            let pattern = format!("%{}%", fragment.to_lowercase().replace(['%', '_'], ""));
            query
                .filter(person::Column::Id.in_subquery(*ids))
                .filter(Expr::expr(Func::lower(Expr::col(person::Column::Name))).like(pattern))
        }
    };
    Ok(query
        .filter(person::Column::Id.not_in_subquery(excluded))
        .order_by_asc(person::Column::Name)
        .limit(limit)
        .select_only()
        .columns([person::Column::Id, person::Column::Name])
        .into_tuple()
        .all(db)
        .await?)
}

/// Which accounts an audience takes as contacts.
pub enum ContactsOf {
    /// The ids of a subquery.
    Ids(Box<SelectStatement>),
    /// Those whose postcode is in one of these districts (outward codes, "S1").
    Districts(Vec<String>),
}

/// Accounts as contacts, columns email, name, person_id, for outreach's audience query.
pub fn contacts(of: ContactsOf) -> SelectStatement {
    let cond = match of {
        ContactsOf::Ids(ids) => {
            Condition::all().add(Expr::col((person::Entity, person::Column::Id)).in_subquery(*ids))
        }
        ContactsOf::Districts(outwards) => {
            let mut any = Condition::any();
            for outward in outwards {
                any = any.add(
                    Expr::col((person::Entity, person::Column::Postcode))
                        .like(format!("{outward} %")),
                );
            }
            // No district matches nobody rather than everybody.
            any.add(Expr::val(1).eq(0))
        }
    };
    Query::select()
        .expr_as(
            Expr::col((person::Entity, person::Column::Email)),
            Alias::new("email"),
        )
        .expr_as(
            Expr::col((person::Entity, person::Column::Name)),
            Alias::new("name"),
        )
        .expr_as(
            Expr::col((person::Entity, person::Column::Id)),
            Alias::new("person_id"),
        )
        .from(person::Entity)
        .cond_where(cond)
        .to_owned()
}

/// The name of the account of the address `email` (a column of the caller's query), or
/// an empty string: a correlated subquery on the unique address index.
pub fn name_of_address(email: SimpleExpr) -> SimpleExpr {
    name_where(person::Column::Email, email)
}

/// The name of the account `id` (a column of the caller's query, such as an event's
/// host), or an empty string, so the caller reads it in its own query.
pub fn name_of_person(id: SimpleExpr) -> SimpleExpr {
    name_where(person::Column::Id, id)
}

/// The name of the account whose `column` equals `value`, as a correlated subquery.
fn name_where(column: person::Column, value: SimpleExpr) -> SimpleExpr {
    Func::coalesce([
        SimpleExpr::SubQuery(
            None,
            Box::new(
                Query::select()
                    .column(person::Column::Name)
                    .from(person::Entity)
                    .and_where(Expr::col((person::Entity, column)).eq(value))
                    .to_owned()
                    .into(),
            ),
        ),
        Expr::val(""),
    ])
    .into()
}
