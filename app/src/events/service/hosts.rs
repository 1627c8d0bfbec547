//! Who runs an event: its host, its co-hosts, and staff. Every host-only action asks here.

use crate::{
    auth::{
        model::{PersonView, Role},
        service::directory::{names_of, person_ref_by_email},
    },
    error::{AppError, AppResult},
    events::{
        entity::{event, event_cohost},
        model::{event_path, CohostView},
    },
    mail::{queue_templated, Template},
};
use chrono::Utc;
use minijinja::context;
use sea_orm::{
    sea_query::OnConflict, ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

/// Where a person stands with an event's hosting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hosting {
    /// The host, or a co-host who accepted.
    Host,
    /// Asked to co-host, not answered yet.
    Invited,
    None,
}

/// Where `person_id` stands with the event's hosting: one read of their co-host row, if
/// they are not the host.
pub async fn hosting_of(
    db: &impl ConnectionTrait,
    found: &event::Model,
    person_id: i32,
) -> AppResult<Hosting> {
    if found.host_id == person_id {
        return Ok(Hosting::Host);
    }
    Ok(
        match event_cohost::Entity::find_by_id((found.id, person_id))
            .one(db)
            .await?
        {
            Some(row) if row.accepted_at.is_some() => Hosting::Host,
            Some(_) => Hosting::Invited,
            None => Hosting::None,
        },
    )
}

/// Whether `person_id` hosts the event or co-hosts it (having accepted).
pub async fn is_host(
    db: &impl ConnectionTrait,
    found: &event::Model,
    person_id: i32,
) -> AppResult<bool> {
    Ok(hosting_of(db, found, person_id).await? == Hosting::Host)
}

/// The invited person agrees to co-host. NotFound when nobody asked them.
pub async fn accept_cohost(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
) -> AppResult<()> {
    let accepted = event_cohost::Entity::update_many()
        .col_expr(event_cohost::Column::AcceptedAt, Some(Utc::now()).into())
        .filter(event_cohost::Column::EventId.eq(event_id))
        .filter(event_cohost::Column::PersonId.eq(viewer.id))
        .filter(event_cohost::Column::AcceptedAt.is_null())
        .exec(db)
        .await?;
    if accepted.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The event, if `viewer` hosts it, co-hosts it or is staff; Forbidden otherwise.
pub async fn event_for_host(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
) -> AppResult<event::Model> {
    let found = event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if viewer.has_role(Role::Staff) || is_host(db, &found, viewer.id).await? {
        Ok(found)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The event's co-hosts, by name.
pub async fn list_cohosts(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<CohostView>> {
    let rows = event_cohost::Entity::find()
        .filter(event_cohost::Column::EventId.eq(event_id))
        .order_by_asc(event_cohost::Column::CreatedAt)
        .all(db)
        .await?;
    let names = names_of(db, rows.iter().map(|r| r.person_id)).await?;
    Ok(rows
        .iter()
        .filter_map(|r| Some((r, names.get(&r.person_id)?)))
        .map(|(r, name)| CohostView {
            person_id: r.person_id,
            name: name.clone(),
            invited: r.accepted_at.is_none(),
        })
        .collect())
}

/// Asks the person with this email to co-host, by email; they co-host once they accept
/// on the event's page. They need an account.
pub async fn add_cohost(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
    email: &str,
    public_url: &str,
) -> AppResult<CohostView> {
    let found = event_for_host(db, event_id, viewer).await?;
    let email = crate::validate::EmailAddress::parse("cohost_email", email)?;
    let Some(person) = person_ref_by_email(db, email.as_str()).await? else {
        return Err(AppError::invalid(
            "cohost_email",
            "Nobody with that email has an account yet. Ask them to sign up first.",
        ));
    };
    if person.id == found.host_id {
        return Err(AppError::invalid(
            "cohost_email",
            "They already host this event.",
        ));
    }
    let asked = event_cohost::Entity::insert(event_cohost::ActiveModel {
        event_id: Set(found.id),
        person_id: Set(person.id),
        created_at: Set(Utc::now()),
        accepted_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([
            event_cohost::Column::EventId,
            event_cohost::Column::PersonId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    if asked == 1 {
        let link = format!(
            "{}{}",
            public_url.trim_end_matches('/'),
            event_path(found.id, &found.slug)
        );
        let values = context! {
            name => &person.name, inviter => &viewer.name, title => &found.title, event_url => link,
        };
        queue_templated(db, &person.email, Template::CohostInvite, values).await?;
    }
    Ok(CohostView {
        person_id: person.id,
        name: person.name,
        invited: true,
    })
}

/// Removes a co-host. The host and staff may remove anyone; a co-host may step down.
pub async fn remove_cohost(
    db: &impl ConnectionTrait,
    event_id: i32,
    viewer: &PersonView,
    person_id: i32,
) -> AppResult<()> {
    let found = event_for_host(db, event_id, viewer).await?;
    let may = viewer.id == found.host_id || viewer.has_role(Role::Staff) || viewer.id == person_id;
    if !may {
        return Err(AppError::Forbidden);
    }
    let row = event_cohost::Entity::find_by_id((event_id, person_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let active: event_cohost::ActiveModel = row.into();
    active.delete(db).await?;
    Ok(())
}
