//! Setting up a group: checking the form and saving the group with its first owner.

use crate::{
    db::begin_write,
    error::{AppError, AppResult},
    groups::{
        entity::{group, group_member},
        model::{group_slug, GroupForm, GroupRole, Joining, MemberState, Notify, TOPICS},
    },
    places::{model::Coordinates, service::lookup::locate_postcode},
    validate::{bounded_text, PostcodeUk},
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

pub const NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 5_000;

/// A checked group form.
#[derive(Debug, Clone)]
pub struct NewGroup {
    pub name: String,
    pub description: String,
    pub topic: String,
    pub postcode: PostcodeUk,
    pub joining: Joining,
}

impl NewGroup {
    /// Checks every field, naming the field of the first problem.
    pub fn parse(form: &GroupForm) -> AppResult<Self> {
        let name = bounded_text("name", &form.name, NAME_MAX, true)?;
        let description = bounded_text("description", &form.description, DESCRIPTION_MAX, true)?;
        let topic = TOPICS
            .iter()
            .find(|(value, _)| *value == form.topic)
            .map(|(value, _)| value.to_string())
            .ok_or_else(|| AppError::invalid("topic", "Choose a topic from the list."))?;
        let postcode = PostcodeUk::parse("postcode", &form.postcode)?;
        // A form that leaves the choice out makes an open group.
        let joining = match form.joining.as_str() {
            "" => Joining::Open,
            raw => Joining::parse(raw)
                .ok_or_else(|| AppError::invalid("joining", "Choose how people join."))?,
        };
        Ok(Self {
            name,
            description,
            topic,
            postcode,
            joining,
        })
    }
}

/// Saves the group with `owner_id` as its first owner, under a slug no other group has.
pub async fn create_group<C>(db: &C, owner_id: i32, new: NewGroup) -> AppResult<group::Model>
where
    C: ConnectionTrait + TransactionTrait,
{
    let place: Coordinates = locate_postcode(db, &new.postcode).await?.ok_or_else(|| {
        AppError::invalid(
            "postcode",
            "We don't know where that postcode is. Check it and try again.",
        )
    })?;
    let txn = begin_write(db).await?;
    let slug = free_slug(&txn, &group_slug(&new.name)).await?;
    let now = Utc::now();
    let saved = group::ActiveModel {
        slug: Set(slug),
        name: Set(new.name),
        description: Set(new.description),
        topic: Set(new.topic),
        postcode: Set(new.postcode.as_str().to_string()),
        latitude: Set(place.latitude),
        longitude: Set(place.longitude),
        place_cell: Set(Some(place.place_cell())),
        joining: Set(new.joining),
        verified: Set(false),
        member_count: Set(1),
        created_by: Set(owner_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    group_member::ActiveModel {
        group_id: Set(saved.id),
        person_id: Set(owner_id),
        role: Set(GroupRole::Owner),
        state: Set(MemberState::Active),
        notify: Set(Notify::Each),
        digest_sent_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// `base`, or `base-2`, `base-3`… whichever no group has yet. Runs inside the write
/// transaction, so two groups of one name cannot take the same slug.
async fn free_slug(db: &impl ConnectionTrait, base: &str) -> AppResult<String> {
    let taken = group::Entity::find()
        .filter(group::Column::Slug.starts_with(base))
        .count(db)
        .await?;
    if taken == 0 {
        return Ok(base.to_string());
    }
    for n in 2..=taken + 1 {
        let candidate = format!("{base}-{n}");
        let exists = group::Entity::find()
            .filter(group::Column::Slug.eq(candidate.as_str()))
            .count(db)
            .await?;
        if exists == 0 {
            return Ok(candidate);
        }
    }
    Ok(format!("{base}-{}", taken + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> GroupForm {
        GroupForm {
            name: "Sheffield Greens".into(),
            description: "Campaigning for parks.".into(),
            topic: "environment".into(),
            postcode: "S1 2HE".into(),
            joining: "open".into(),
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let parsed = NewGroup::parse(&form()).unwrap();
        assert_eq!(parsed.name, "Sheffield Greens");
        assert_eq!(parsed.joining, Joining::Open);
    }

    /// A field, and how to spoil it.
    type Spoiler = (&'static str, fn(&mut GroupForm));

    #[test]
    fn each_bad_field_is_named() {
        let cases: [Spoiler; 4] = [
            ("name", |f| f.name = "  ".into()),
            ("description", |f| {
                f.description = "x".repeat(DESCRIPTION_MAX + 1)
            }),
            ("topic", |f| f.topic = "astrology".into()),
            ("postcode", |f| f.postcode = "not a postcode".into()),
        ];
        for (field, spoil) in cases {
            let mut bad = form();
            spoil(&mut bad);
            let err = NewGroup::parse(&bad).unwrap_err();
            assert!(err.message_for(field).is_some(), "{field}: {err:?}");
        }
    }
}
