//! Whose sign-ups a viewer may see: the one rule of who reveals attendance. A friend's
//! confirmed sign-up shows only when they are friends (accepted) and the friend chose
//! "friends"; guests (no account) never. People owns the rule and hands it out as id
//! subqueries; events applies it to its sign-ups (`events::service::friends_going`).
//! Hosts see everyone on the dashboard.

use crate::people::model::FriendshipState;
use crate::{
    auth::service::directory::{ids_sharing, names_sharing},
    error::AppResult,
    people::{entity::friendship, model::Sharing},
};
use sea_orm::{
    sea_query::{Alias, Expr, Query, SelectStatement, UnionType},
    ColumnTrait, ConnectionTrait,
};
use std::collections::HashMap;

/// A subquery of the ids of `viewer`'s accepted friends (a pair is one row, either way
/// round), for other queries to use without a list of ids on the wire.
pub fn friend_ids_of(viewer: i32) -> SelectStatement {
    let as_low = Query::select()
        .expr_as(Expr::col(friendship::Column::HighId), Alias::new("id"))
        .from(friendship::Entity)
        .and_where(friendship::Column::LowId.eq(viewer))
        .and_where(friendship::Column::State.eq(FriendshipState::Accepted))
        .to_owned();
    let as_high = Query::select()
        .expr_as(Expr::col(friendship::Column::LowId), Alias::new("id"))
        .from(friendship::Entity)
        .and_where(friendship::Column::HighId.eq(viewer))
        .and_where(friendship::Column::State.eq(FriendshipState::Accepted))
        .to_owned();
    as_low.clone().union(UnionType::All, as_high).to_owned()
}

/// A subquery of the ids of `viewer`'s friends who share their sign-ups with friends:
/// the only people whose attendance `viewer` may see.
pub fn sharing_friend_ids_of(viewer: i32) -> SelectStatement {
    ids_sharing(friend_ids_of(viewer), Sharing::Friends)
}

/// The viewer's friends who share their sign-ups with friends: id → name.
pub async fn list_sharing_friends(
    db: &impl ConnectionTrait,
    viewer: i32,
) -> AppResult<HashMap<i32, String>> {
    names_sharing(db, friend_ids_of(viewer), Sharing::Friends).await
}
