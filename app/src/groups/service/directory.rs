//! The group directory: search by name, topic and distance from a place.

use crate::{
    error::AppResult,
    groups::{
        entity::{group, group_member},
        model::{group_path, topic_label, GroupCard, GroupDirectoryView, Joining, MemberState},
    },
    places::model::{distance_text, Coordinates},
};
use sea_orm::{
    sea_query::{Expr, ExprTrait, Func},
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// Groups on one page of the directory.
pub const PAGE_SIZE: u64 = 20;
/// Candidates read from the box around a place before the exact distance is checked.
const NEAR_CANDIDATES: u64 = 20_000;

/// What the directory is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct GroupFilter {
    pub text: Option<String>,
    pub topic: Option<String>,
    pub near: Option<Coordinates>,
    pub within_miles: f64,
}

/// One page (counted from 1): nearest first when searched near a place, otherwise
/// official groups first, then the biggest.
pub async fn list_groups(
    db: &impl ConnectionTrait,
    filter: &GroupFilter,
    page: u32,
) -> AppResult<(Vec<GroupCard>, bool)> {
    let page = Ord::max(page, 1);
    let offset = u64::from(page - 1) * PAGE_SIZE;
    let mut query = group::Entity::find();
    if let Some(topic) = filter.topic.as_deref().filter(|t| !t.is_empty()) {
        query = query.filter(group::Column::Topic.eq(topic));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        query = query.filter(Expr::expr(Func::lower(Expr::col(group::Column::Name))).like(pattern));
    }
    let (mut rows, distances) = match filter.near {
        None => (
            query
                .order_by_desc(group::Column::Verified)
                .order_by_desc(group::Column::MemberCount)
                .order_by_asc(group::Column::Id)
                .offset(offset)
                .limit(PAGE_SIZE + 1)
                .all(db)
                .await?,
            HashMap::new(),
        ),
        Some(centre) => {
            // Candidates come from the cell index alone (the cells around the place, not a
            // band of latitude across the country); whole rows only for the page.
            let bbox = centre.bounding_box(filter.within_miles);
            let candidates: Vec<(i32, f64, f64)> = query
                .filter(group::Column::PlaceCell.is_in(bbox.place_cells()))
                .filter(group::Column::Latitude.between(bbox.min_latitude, bbox.max_latitude))
                .filter(group::Column::Longitude.between(bbox.min_longitude, bbox.max_longitude))
                .select_only()
                .columns([
                    group::Column::Id,
                    group::Column::Latitude,
                    group::Column::Longitude,
                ])
                .limit(NEAR_CANDIDATES)
                .into_tuple()
                .all(db)
                .await?;
            let mut within: Vec<(i32, f64)> = candidates
                .into_iter()
                .map(|(id, latitude, longitude)| {
                    (
                        id,
                        centre.miles_to(&Coordinates {
                            latitude,
                            longitude,
                        }),
                    )
                })
                .filter(|(_, miles)| *miles <= filter.within_miles)
                .collect();
            within.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let page_ids: HashMap<i32, f64> = within
                .into_iter()
                .skip(offset as usize)
                .take(PAGE_SIZE as usize + 1)
                .collect();
            let mut rows = group::Entity::find()
                .filter(group::Column::Id.is_in(page_ids.keys().copied()))
                .all(db)
                .await?;
            rows.sort_by(|a, b| {
                page_ids[&a.id]
                    .total_cmp(&page_ids[&b.id])
                    .then(a.id.cmp(&b.id))
            });
            (rows, page_ids)
        }
    };
    let has_more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let cards = rows
        .iter()
        .map(|g| GroupCard {
            distance: distances.get(&g.id).map(|miles| distance_text(*miles)),
            ..group_card(g)
        })
        .collect();
    Ok((cards, has_more))
}

/// The directory page: the search results and the viewer's own groups.
pub async fn get_directory(
    db: &impl ConnectionTrait,
    filter: &GroupFilter,
    page: u32,
    viewer_id: Option<i32>,
) -> AppResult<GroupDirectoryView> {
    let (groups, has_more) = list_groups(db, filter, page).await?;
    let yours = match viewer_id {
        Some(id) => list_groups_of_person(db, id).await?,
        None => Vec::new(),
    };
    Ok(GroupDirectoryView {
        groups,
        yours,
        page: Ord::max(page, 1),
        has_more,
    })
}

/// The groups a person belongs to or has asked to join, by name.
pub async fn list_groups_of_person(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> AppResult<Vec<GroupCard>> {
    let group_ids: Vec<i32> = group_member::Entity::find()
        .filter(group_member::Column::PersonId.eq(person_id))
        .filter(group_member::Column::State.is_in([MemberState::Active, MemberState::Pending]))
        .select_only()
        .column(group_member::Column::GroupId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(group::Entity::find()
        .filter(group::Column::Id.is_in(group_ids))
        .order_by_asc(group::Column::Name)
        .all(db)
        .await?
        .iter()
        .map(group_card)
        .collect())
}

/// A group as the directory shows it.
pub fn group_card(g: &group::Model) -> GroupCard {
    GroupCard {
        id: g.id,
        path: group_path(&g.slug),
        name: g.name.clone(),
        topic: topic_label(&g.topic).to_string(),
        area: g
            .postcode
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string(),
        member_count: g.member_count,
        verified: g.verified,
        approval_needed: g.joining == Joining::Approval,
        distance: None,
    }
}

/// The address of a group's page.
pub async fn get_group_path(db: &impl ConnectionTrait, group_id: i32) -> AppResult<String> {
    group::Entity::find_by_id(group_id)
        .one(db)
        .await?
        .map(|g| group_path(&g.slug))
        .ok_or(crate::error::AppError::NotFound)
}
