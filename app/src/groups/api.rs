//! Server functions for groups: the directory, a group's page, setting one up, and the
//! verified badge. Members and the forum are in `api/members` and `api/forum`. Every one
//! asks the service, which checks `policy` for the person asking.

pub mod forum;
pub mod members;

use crate::{
    error::AppError,
    groups::model::{GroupDirectoryView, GroupView},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    ctx::{redirect_to, serve},
    groups::{
        model::{group_path, with_done, GroupForm},
        service::{
            directory::{self, GroupFilter},
            group_page, membership,
            new_group::{self, NewGroup},
        },
    },
    places::service::lookup::locate_place,
};

/// Miles searched around a place in the directory.
pub const DIRECTORY_RADIUS_MILES: f64 = 25.0;

/// One page of the directory, by name, topic and distance from a postcode. Anyone.
#[server(endpoint = "groups/list")]
pub async fn list_groups(
    q: Option<String>,
    topic: Option<String>,
    near: Option<String>,
    page: Option<u32>,
) -> Result<GroupDirectoryView, AppError> {
    serve(|ctx| async move {
        let near = match near.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(raw) => Some(locate_place(&ctx.db, "near", raw).await?),
            None => None,
        };
        let filter = GroupFilter {
            text: crate::validate::search_text("q", q.as_deref())?,
            topic,
            near,
            within_miles: DIRECTORY_RADIUS_MILES,
        };
        let viewer = ctx.maybe_person().map(|p| p.id);
        directory::get_directory(&ctx.db, &filter, page.unwrap_or(1), viewer).await
    })
    .await
}

/// A group's page, with what the viewer may see of it. Anyone.
#[server(endpoint = "groups/get")]
pub async fn get_group(slug: String) -> Result<GroupView, AppError> {
    serve(|ctx| async move { group_page::get_group_view(&ctx.db, &slug, ctx.maybe_person()).await })
        .await
}

/// Sets up a group, with the person asking as its owner. Anyone signed in.
#[server(endpoint = "groups/create")]
pub async fn create_group(
    name: String,
    description: String,
    topic: String,
    postcode: String,
    joining: Option<String>,
) -> Result<(), AppError> {
    serve(|ctx| async move {
        let owner = ctx.person()?;
        let form = GroupForm {
            name,
            description,
            topic,
            postcode,
            joining: joining.unwrap_or_default(),
        };
        let new = NewGroup::parse(&form)?;
        let saved = new_group::create_group(&ctx.db, owner.id, new).await?;
        redirect_to(&with_done(&group_path(&saved.slug), "created"));
        Ok(())
    })
    .await
}

/// Marks a group as an official local party group, or not. Staff only.
#[server(endpoint = "groups/verify")]
pub async fn set_group_verified(group_id: i32, verified: String) -> Result<(), AppError> {
    serve(|ctx| async move {
        let viewer = ctx.person()?;
        let on = verified == "yes";
        membership::set_verified(&ctx.db, group_id, viewer, on).await?;
        let path = directory::get_group_path(&ctx.db, group_id).await?;
        redirect_to(&with_done(
            &path,
            if on { "verified" } else { "unverified" },
        ));
        Ok(())
    })
    .await
}
