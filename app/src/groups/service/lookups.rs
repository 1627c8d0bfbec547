//! What other domains ask of groups: a group's name and place, and its members as an id
//! subquery for their own queries. Groups' tables stay private to groups.

use super::access::group_for;
use crate::{
    auth::model::PersonView,
    error::AppResult,
    groups::{
        entity::{group, group_member},
        model::MemberState,
        policy::GroupAction,
    },
};
use sea_orm::{
    sea_query::{Query, SelectStatement},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::HashMap;

/// A group as other domains see it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRef {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    /// An official local party group, checked by staff.
    pub verified: bool,
}

impl From<group::Model> for GroupRef {
    fn from(g: group::Model) -> Self {
        Self {
            id: g.id,
            slug: g.slug,
            name: g.name,
            latitude: g.latitude,
            longitude: g.longitude,
            verified: g.verified,
        }
    }
}

/// The group `id`, if there is one.
pub async fn group_ref(db: &impl ConnectionTrait, id: i32) -> AppResult<Option<GroupRef>> {
    Ok(group::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(GroupRef::from))
}

/// The group, if `viewer` may do `action` in it.
pub async fn group_ref_for(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: &PersonView,
    action: GroupAction,
) -> AppResult<GroupRef> {
    Ok(group_for(db, id, Some(viewer), action).await?.0.into())
}

/// The names of the groups among `ids` that exist.
pub async fn group_names(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> AppResult<HashMap<i32, String>> {
    Ok(group::Entity::find()
        .filter(group::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect())
}

/// The groups among `ids` that exist, by id.
pub async fn group_refs(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> AppResult<HashMap<i32, GroupRef>> {
    Ok(group::Entity::find()
        .filter(group::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, GroupRef::from(g)))
        .collect())
}

/// A subquery of the ids of the group's active members.
pub fn active_member_ids(group_id: i32) -> SelectStatement {
    Query::select()
        .column(group_member::Column::PersonId)
        .from(group_member::Entity)
        .and_where(group_member::Column::GroupId.eq(group_id))
        .and_where(group_member::Column::State.eq(MemberState::Active))
        .to_owned()
}

/// The ids of the groups `person_id` is an active member of.
pub async fn active_group_ids(db: &impl ConnectionTrait, person_id: i32) -> AppResult<Vec<i32>> {
    Ok(group_member::Entity::find()
        .filter(group_member::Column::PersonId.eq(person_id))
        .filter(group_member::Column::State.eq(MemberState::Active))
        .select_only()
        .column(group_member::Column::GroupId)
        .into_tuple()
        .all(db)
        .await?)
}

/// The group at `slug`, if there is one.
pub async fn group_ref_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> AppResult<Option<GroupRef>> {
    Ok(group::Entity::find()
        .filter(group::Column::Slug.eq(slug))
        .one(db)
        .await?
        .map(GroupRef::from))
}
