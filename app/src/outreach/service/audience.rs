//! Audiences: who a message reaches. A source (the group's members, its events' sign-ups,
//! supporters near its area, or for staff everyone) joined to the consent in force for
//! the channel and scope, minus bounced addresses and dead numbers, one row per email.
//! The same query counts the audience live and, as one INSERT … SELECT, queues it.

mod source;

use super::senders::Sender;
use crate::{
    consent::{
        model::{Scope, PARTY_SCOPE},
        service::audiences::{granted, join_choice, phone},
    },
    error::{AppError, AppResult},
    groups::service::lookups::GroupRef,
    mail::suppressions::not_suppressed,
    outreach::{
        entity::message_delivery,
        model::{AudienceKind, Channel, DeliveryStatus, MAX_AREA_MILES},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::{Alias, Expr, ExprTrait, Func, LikeExpr, Query, SelectStatement, SimpleExpr},
    ConnectionTrait, FromQueryResult,
};
use source::source;

/// What an audience is: its kind, whose, on which channel, in which consent scope.
#[derive(Debug, Clone)]
pub struct AudienceSpec {
    pub kind: AudienceKind,
    pub group: Option<GroupRef>,
    pub miles: i32,
    pub channel: Channel,
    pub scope: Scope,
}

impl AudienceSpec {
    /// The audience `sender` asks for. A group's sender can only reach their group's
    /// members, sign-ups and area; only staff reach everyone, and only nationally.
    pub fn new(
        sender: &Sender,
        kind: AudienceKind,
        miles: i32,
        channel: Channel,
    ) -> AppResult<Self> {
        match (&sender.group, kind) {
            (None, AudienceKind::National) if sender.staff => {}
            (None, _) => {
                return Err(AppError::invalid(
                    "audience",
                    "A national message goes to everyone who agreed to hear from the party.",
                ))
            }
            (Some(_), AudienceKind::National) => {
                return Err(AppError::invalid(
                    "audience",
                    "A group reaches its own members, event sign-ups and area only.",
                ))
            }
            (Some(_), _) => {}
        }
        if kind == AudienceKind::Area && !(1..=MAX_AREA_MILES).contains(&miles) {
            return Err(AppError::invalid(
                "audience_miles",
                format!("Choose between 1 and {MAX_AREA_MILES} miles."),
            ));
        }
        Ok(Self {
            kind,
            group: sender.group.clone(),
            miles,
            channel,
            scope: sender.scope(),
        })
    }
}

/// One recipient as the audience query returns it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub person_id: Option<i32>,
    pub phone: Option<String>,
}

fn cand() -> Alias {
    Alias::new("cand")
}
fn group_choice() -> Alias {
    Alias::new("gc")
}
pub(super) fn party_choice() -> Alias {
    Alias::new("pc")
}

/// The audience: one row per email with consent in force, not suppressed.
fn audience(spec: &AudienceSpec, now: DateTime<Utc>) -> SelectStatement {
    let email: SimpleExpr = Expr::col((cand(), Alias::new("email")));
    let mut query = Query::select();
    query
        .expr_as(email.clone(), Alias::new("email"))
        .expr_as(
            Expr::col((cand(), Alias::new("name"))).max(),
            Alias::new("name"),
        )
        .expr_as(
            Expr::col((cand(), Alias::new("person_id"))).max(),
            Alias::new("person_id"),
        )
        .from_subquery(source(spec, now), cand())
        .group_by_col((cand(), Alias::new("email")));
    join_choice(
        &mut query,
        party_choice(),
        email.clone(),
        spec.channel,
        PARTY_SCOPE,
    );
    let (is_granted, number): (SimpleExpr, SimpleExpr) = if spec.kind == AudienceKind::National {
        (granted(party_choice()), phone(party_choice()))
    } else {
        join_choice(
            &mut query,
            group_choice(),
            email.clone(),
            spec.channel,
            spec.scope,
        );
        (
            Func::coalesce([granted(group_choice()), granted(party_choice())]).into(),
            Func::coalesce([phone(group_choice()), phone(party_choice())]).into(),
        )
    };
    query.and_where(Expr::expr(is_granted).eq(true));
    let address: SimpleExpr = match spec.channel {
        Channel::Email => email,
        Channel::Sms | Channel::Phone => {
            query.and_where(Expr::expr(number.clone()).is_not_null());
            number.clone()
        }
    };
    query.expr_as(Expr::expr(number).max(), Alias::new("phone"));
    query.and_where(not_suppressed(spec.channel, address));
    query
}

#[derive(FromQueryResult)]
struct Counted {
    n: i64,
}

/// How many the audience reaches right now.
pub async fn count(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let query = Query::select()
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
        .from_subquery(audience(spec, now), Alias::new("a"))
        .to_owned();
    let backend = db.get_database_backend();
    Ok(Counted::find_by_statement(backend.build(&query))
        .one(db)
        .await?
        .map_or(0, |c| c.n))
}

#[derive(FromQueryResult)]
struct Longest {
    n: Option<i64>,
}

/// The length of the longest first name (the name's first word) in the audience, so a
/// text's cost is counted as it will be sent to that person, not as its template reads.
pub async fn longest_first_name(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    now: DateTime<Utc>,
) -> AppResult<usize> {
    let backend = db.get_database_backend();
    let first_word = match backend {
        sea_orm::DatabaseBackend::Postgres => "SPLIT_PART(TRIM(a.name), ' ', 1)",
        _ => {
            "CASE WHEN INSTR(TRIM(a.name), ' ') > 0 \
             THEN SUBSTR(TRIM(a.name), 1, INSTR(TRIM(a.name), ' ') - 1) ELSE TRIM(a.name) END"
        }
    };
    let query = Query::select()
        .expr_as(
            // PostgreSQL's LENGTH is a 4-byte integer: widen it for one decoding on both.
            Expr::cust(format!("CAST(MAX(LENGTH({first_word})) AS BIGINT)")),
            Alias::new("n"),
        )
        .from_subquery(audience(spec, now), Alias::new("a"))
        .to_owned();
    let longest = Longest::find_by_statement(backend.build(&query))
        .one(db)
        .await?
        .and_then(|l| l.n)
        .unwrap_or(0);
    // A blank name is greeted as "friend" (`render::first_name_of`).
    Ok(usize::try_from(longest).unwrap_or(0).max("friend".len()))
}

/// Up to `limit` recipients, ordered by email, or just `only` if it is in the audience:
/// for previews.
pub async fn sample(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    now: DateTime<Utc>,
    limit: u64,
    only: Option<&str>,
) -> AppResult<Vec<Recipient>> {
    let mut query = audience(spec, now);
    match only {
        // An address is matched exactly; anything else is part of a name, in any case.
        Some(email) if email.contains('@') => {
            query.and_where(Expr::col((cand(), Alias::new("email"))).eq(email.to_lowercase()));
        }
        Some(name) => {
            let escaped: String = name
                .to_lowercase()
                .chars()
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            query.and_where(
                Expr::expr(Func::lower(Expr::col((cand(), Alias::new("name")))))
                    .like(LikeExpr::new(format!("%{escaped}%")).escape('\\')),
            );
        }
        None => {}
    }
    query
        .order_by((cand(), Alias::new("email")), sea_orm::Order::Asc)
        .limit(limit);
    let backend = db.get_database_backend();
    Ok(Recipient::find_by_statement(backend.build(&query))
        .all(db)
        .await?)
}

/// Everyone the audience's source holds, before any consent (one row per email): for
/// phonebanks, which weigh each contact's basis for a call themselves (consent, or a
/// clean TPS screening) and report why the others are left out.
pub async fn candidates(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    now: DateTime<Utc>,
) -> AppResult<Vec<Recipient>> {
    let query = Query::select()
        .expr_as(
            Expr::col((cand(), Alias::new("email"))),
            Alias::new("email"),
        )
        .expr_as(
            Expr::col((cand(), Alias::new("name"))).max(),
            Alias::new("name"),
        )
        .expr_as(
            Expr::col((cand(), Alias::new("person_id"))).max(),
            Alias::new("person_id"),
        )
        .expr_as(Expr::cust("CAST(NULL AS TEXT)"), Alias::new("phone"))
        .from_subquery(source(spec, now), cand())
        .group_by_col((cand(), Alias::new("email")))
        .order_by((cand(), Alias::new("email")), sea_orm::Order::Asc)
        .to_owned();
    let backend = db.get_database_backend();
    Ok(Recipient::find_by_statement(backend.build(&query))
        .all(db)
        .await?)
}

/// Queues one delivery per recipient of `message_id`, first due at `due`, in one
/// statement. Returns how many were queued.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    spec: &AudienceSpec,
    message_id: i32,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<u64> {
    let mut select = audience(spec, now);
    select
        .expr(Expr::val(message_id))
        .expr(Expr::val(DeliveryStatus::Pending.as_str()))
        .expr(Expr::val(0))
        .expr(Expr::val(due));
    let insert = Query::insert()
        .into_table(message_delivery::Entity)
        .columns([
            message_delivery::Column::Email,
            message_delivery::Column::Name,
            message_delivery::Column::PersonId,
            message_delivery::Column::Phone,
            message_delivery::Column::MessageId,
            message_delivery::Column::Status,
            message_delivery::Column::Attempts,
            message_delivery::Column::NextAttemptAt,
        ])
        .select_from(select)
        .map_err(|e| {
            tracing::error!(error = %e, "audience insert did not build");
            AppError::Internal
        })?
        .to_owned();
    let backend = db.get_database_backend();
    Ok(db
        .execute_raw(backend.build(&insert))
        .await?
        .rows_affected())
}
