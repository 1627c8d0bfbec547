//! Friendships: requests (asking someone who asked you accepts), answers, removal and
//! blocks. One row per pair whatever the direction.

use crate::{
    auth::service::directory::{
        attendance_setting, names_by_name, person_ref, search_people, set_attendance_setting,
        PersonSearch,
    },
    db::begin_write,
    error::{AppError, AppResult},
    groups::service::access::fellow_member_ids_of,
    people::{
        entity::{block, friendship},
        model::{FriendsView, FriendshipState, PersonLink, PersonMatch, Relation, Sharing},
    },
    validate::EmailAddress,
};
use chrono::Utc;
use sea_orm::{
    sea_query::{ExprTrait, Query},
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    ModelTrait, QueryFilter, QuerySelect, Set, TransactionSession, TransactionTrait,
};
use std::collections::HashMap;

/// The pair in stored order.
pub fn pair(a: i32, b: i32) -> (i32, i32) {
    (Ord::min(a, b), Ord::max(a, b))
}

/// The row for two people, if any.
pub async fn get_friendship(
    db: &impl ConnectionTrait,
    a: i32,
    b: i32,
) -> AppResult<Option<friendship::Model>> {
    let (low, high) = pair(a, b);
    Ok(friendship::Entity::find()
        .filter(friendship::Column::LowId.eq(low))
        .filter(friendship::Column::HighId.eq(high))
        .one(db)
        .await?)
}

/// Whether either has blocked the other.
pub async fn is_blocked_between(db: &impl ConnectionTrait, a: i32, b: i32) -> AppResult<bool> {
    Ok(block::Entity::find()
        .filter(
            Condition::any()
                .add(
                    block::Column::BlockerId
                        .eq(a)
                        .and(block::Column::BlockedId.eq(b)),
                )
                .add(
                    block::Column::BlockerId
                        .eq(b)
                        .and(block::Column::BlockedId.eq(a)),
                ),
        )
        .one(db)
        .await?
        .is_some())
}

/// What a request did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requested {
    Sent,
    /// They had already asked: now friends.
    Accepted,
}

/// Asks `other` to be friends; if they already asked, that is an answer and they are now
/// friends. Refused between people where either blocked the other.
pub async fn request_friend<C>(db: &C, me: i32, other: i32) -> AppResult<Requested>
where
    C: ConnectionTrait + TransactionTrait,
{
    if me == other {
        return Err(AppError::conflict("You cannot add yourself as a friend."));
    }
    let txn = begin_write(db).await?;
    if person_ref(&txn, other).await?.is_none() {
        return Err(AppError::NotFound);
    }
    if is_blocked_between(&txn, me, other).await? {
        return Err(AppError::Forbidden);
    }
    let outcome = match get_friendship(&txn, me, other).await? {
        Some(row) if row.state == FriendshipState::Accepted => {
            return Err(AppError::conflict("You are already friends."))
        }
        Some(row) if row.requested_by == me => {
            return Err(AppError::conflict(
                "You have already asked. They have not answered yet.",
            ))
        }
        Some(row) => {
            accept_row(&txn, row).await?;
            Requested::Accepted
        }
        None => {
            let (low, high) = pair(me, other);
            friendship::ActiveModel {
                low_id: Set(low),
                high_id: Set(high),
                requested_by: Set(me),
                state: Set(FriendshipState::Pending),
                created_at: Set(Utc::now()),
                accepted_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            Requested::Sent
        }
    };
    txn.commit().await?;
    Ok(outcome)
}

async fn accept_row(db: &impl ConnectionTrait, row: friendship::Model) -> AppResult<()> {
    let mut active = row.into_active_model();
    active.state = Set(FriendshipState::Accepted);
    active.accepted_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(())
}

/// Accepts or declines `other`'s request.
pub async fn answer_request(
    db: &impl ConnectionTrait,
    me: i32,
    other: i32,
    accept: bool,
) -> AppResult<()> {
    let row = get_friendship(db, me, other)
        .await?
        .filter(|r| r.state == FriendshipState::Pending && r.requested_by == other)
        .ok_or(AppError::NotFound)?;
    if accept {
        accept_row(db, row).await
    } else {
        row.delete(db).await?;
        Ok(())
    }
}

/// Ends a friendship, or withdraws one's own request.
pub async fn remove_friend(db: &impl ConnectionTrait, me: i32, other: i32) -> AppResult<()> {
    let row = get_friendship(db, me, other)
        .await?
        .ok_or(AppError::NotFound)?;
    row.delete(db).await?;
    Ok(())
}

/// Blocks `other`: any friendship or request between them ends, and they cannot ask again
/// or see anything of `me`'s.
pub async fn block_person<C>(db: &C, me: i32, other: i32) -> AppResult<()>
where
    C: ConnectionTrait + TransactionTrait,
{
    if me == other {
        return Err(AppError::conflict("You cannot block yourself."));
    }
    let txn = begin_write(db).await?;
    if let Some(row) = get_friendship(&txn, me, other).await? {
        row.delete(&txn).await?;
    }
    if block::Entity::find_by_id((me, other))
        .one(&txn)
        .await?
        .is_none()
    {
        block::ActiveModel {
            blocker_id: Set(me),
            blocked_id: Set(other),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Lifts a block `me` made.
pub async fn unblock_person(db: &impl ConnectionTrait, me: i32, other: i32) -> AppResult<()> {
    block::Entity::delete_by_id((me, other)).exec(db).await?;
    Ok(())
}

/// The ids of `me`'s friends (accepted).
pub async fn list_friend_ids(db: &impl ConnectionTrait, me: i32) -> AppResult<Vec<i32>> {
    let rows: Vec<(i32, i32)> = friendship::Entity::find()
        .filter(friendship::Column::State.eq(FriendshipState::Accepted))
        .filter(
            Condition::any()
                .add(friendship::Column::LowId.eq(me))
                .add(friendship::Column::HighId.eq(me)),
        )
        .select_only()
        .columns([friendship::Column::LowId, friendship::Column::HighId])
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(low, high)| if low == me { high } else { low })
        .collect())
}

async fn links(db: &impl ConnectionTrait, ids: Vec<i32>) -> AppResult<Vec<PersonLink>> {
    Ok(names_by_name(db, ids)
        .await?
        .into_iter()
        .map(|(id, name)| PersonLink { id, name })
        .collect())
}

/// Everything on the friends page.
pub async fn get_friends_view(db: &impl ConnectionTrait, me: i32) -> AppResult<FriendsView> {
    let rows = friendship::Entity::find()
        .filter(
            Condition::any()
                .add(friendship::Column::LowId.eq(me))
                .add(friendship::Column::HighId.eq(me)),
        )
        .all(db)
        .await?;
    let other = |r: &friendship::Model| if r.low_id == me { r.high_id } else { r.low_id };
    let pick = |f: &dyn Fn(&friendship::Model) -> bool| -> Vec<i32> {
        rows.iter().filter(|r| f(r)).map(other).collect()
    };
    let friends = pick(&|r| r.state == FriendshipState::Accepted);
    let incoming = pick(&|r| r.state == FriendshipState::Pending && r.requested_by != me);
    let outgoing = pick(&|r| r.state == FriendshipState::Pending && r.requested_by == me);
    let blocked: Vec<i32> = block::Entity::find()
        .filter(block::Column::BlockerId.eq(me))
        .all(db)
        .await?
        .into_iter()
        .map(|b| b.blocked_id)
        .collect();
    let sharing = attendance_setting(db, me).await?;
    Ok(FriendsView {
        friends: links(db, friends).await?,
        incoming: links(db, incoming).await?,
        outgoing: links(db, outgoing).await?,
        blocked: links(db, blocked).await?,
        sharing,
    })
}

/// Sets who sees the events `me` signs up to.
pub async fn set_sharing(db: &impl ConnectionTrait, me: i32, sharing: Sharing) -> AppResult<()> {
    set_attendance_setting(db, me, sharing).await
}

/// People `me` may know: by exact email, or by name among members of `me`'s groups.
/// Nobody who has blocked `me` is found.
pub async fn find_people(
    db: &impl ConnectionTrait,
    me: i32,
    raw: &str,
) -> AppResult<Vec<PersonMatch>> {
    let text = raw.trim();
    if text.chars().count() < 2 {
        return Err(AppError::invalid(
            "q",
            "Type at least two letters of a name, or an email address.",
        ));
    }
    let search = if text.contains('@') {
        PersonSearch::Email(EmailAddress::parse("q", text)?.as_str().to_string())
    } else {
        PersonSearch::NameAmong {
            fragment: text.to_string(),
            ids: Box::new(fellow_member_ids_of(me)),
        }
    };
    let blocked_me = Query::select()
        .column(block::Column::BlockerId)
        .from(block::Entity)
        .and_where(block::Column::BlockedId.eq(me))
        .to_owned();
    let found = search_people(db, search, me, blocked_me, 20).await?;
    let rows: HashMap<i32, friendship::Model> = friendship::Entity::find()
        .filter(
            Condition::any()
                .add(friendship::Column::LowId.eq(me))
                .add(friendship::Column::HighId.eq(me)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|r| (if r.low_id == me { r.high_id } else { r.low_id }, r))
        .collect();
    Ok(found
        .into_iter()
        .map(|(id, name)| PersonMatch {
            relation: match rows.get(&id) {
                None => Relation::Stranger,
                Some(r) if r.state == FriendshipState::Accepted => Relation::Friend,
                Some(r) if r.requested_by == me => Relation::RequestSent,
                Some(_) => Relation::RequestReceived,
            },
            person: PersonLink { id, name },
        })
        .collect())
}
