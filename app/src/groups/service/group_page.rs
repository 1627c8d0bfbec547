//! A group's page: what it is, its forum for members, and its moderators'
//! tools, each part only for those who may see it.

use super::{
    access::{access_to, membership_of},
    directory::group_card,
    forum::list_threads,
    moderation::get_moderation,
};
use crate::{
    auth::model::PersonView,
    error::{AppError, AppResult},
    groups::{entity::group, model::GroupView, policy::GroupAction},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The group at `slug`, as `viewer` may see it.
pub async fn get_group_view(
    db: &impl ConnectionTrait,
    slug: &str,
    viewer: Option<&PersonView>,
) -> AppResult<GroupView> {
    let found = group::Entity::find()
        .filter(group::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let access = access_to(db, found.id, viewer).await?;
    let notify = match viewer {
        Some(v) if access.is_member() => membership_of(db, found.id, v.id)
            .await?
            .map(|row| row.notify),
        _ => None,
    };
    let threads = match access.may(GroupAction::ReadForum) {
        true => Some(list_threads(db, &found).await?),
        false => None,
    };
    let moderation = match (access.may(GroupAction::Moderate), viewer) {
        (true, Some(viewer)) => {
            let moderation = get_moderation(db, &found, access).await?;
            let listed = [moderation.members.clone(), moderation.requests.clone()].concat();
            log_member_list(db, &found.name, viewer, &listed).await?;
            Some(moderation)
        }
        _ => None,
    };
    Ok(GroupView {
        card: group_card(&found),
        slug: found.slug.clone(),
        description: found.description.clone(),
        access,
        viewer_id: viewer.map(|v| v.id),
        notify,
        threads,
        moderation,
    })
}

/// Records in the access log that an organiser (or staff) saw the group's member list.
async fn log_member_list(
    db: &impl ConnectionTrait,
    group_name: &str,
    viewer: &PersonView,
    members: &[crate::groups::model::MemberView],
) -> AppResult<()> {
    use crate::personal_data::access_log::{record, Viewed, Viewing};
    let role = match viewer.has_role(crate::auth::model::Role::Staff) {
        true => "staff".to_string(),
        false => format!("organiser of “{group_name}”"),
    };
    let viewing = Viewing {
        viewer_id: viewer.id,
        viewer_role: &role,
        what: crate::personal_data::viewed_things::MEMBER_LIST,
    };
    record(
        db,
        viewing,
        members.iter().map(|m| Viewed::Account(m.person_id)),
    )
    .await
}
