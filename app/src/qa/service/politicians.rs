//! Politicians (accounts staff marked, with a public name and title) and the staffers
//! who post for them.

use crate::{
    auth::{
        model::Role,
        service::{directory::person_ref_by_email, roles::grant_role},
    },
    error::{AppError, AppResult},
    qa::{
        entity::{politician, session_politician, staffer},
        model::{PoliticianRow, PoliticianView},
    },
    validate::EmailAddress,
};
use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// Marks the account at `email` as a politician with a public name and title; marking
/// one again updates both.
pub async fn mark_politician(
    db: &impl ConnectionTrait,
    email: &str,
    name: &str,
    title: &str,
) -> AppResult<i32> {
    let email = EmailAddress::parse("email", email)?;
    let name = name.trim();
    let title = title.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(AppError::invalid(
            "public_name",
            "Give the name the public knows them by (up to 120 characters).",
        ));
    }
    if title.chars().count() > 200 {
        return Err(AppError::invalid(
            "title",
            "Keep the title under 200 characters.",
        ));
    }
    let person = person_ref_by_email(db, email.as_str())
        .await?
        .ok_or_else(|| AppError::invalid("email", "No account has that address."))?;
    grant_role(db, person.id, Role::Politician).await?;
    let row = politician::ActiveModel {
        person_id: Set(person.id),
        public_name: Set(name.to_string()),
        title: Set(title.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    politician::Entity::insert(row)
        .on_conflict(
            OnConflict::column(politician::Column::PersonId)
                .update_columns([politician::Column::PublicName, politician::Column::Title])
                .to_owned(),
        )
        .exec(db)
        .await?;
    let found = politician::Entity::find()
        .filter(politician::Column::PersonId.eq(person.id))
        .one(db)
        .await?
        .ok_or(AppError::Internal)?;
    Ok(found.id)
}

/// Lets the account at `email` post answers for politician `id`.
pub async fn add_staffer(db: &impl ConnectionTrait, id: i32, email: &str) -> AppResult<()> {
    let email = EmailAddress::parse("email", email)?;
    politician::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid("politician", "Choose a politician."))?;
    let person = person_ref_by_email(db, email.as_str())
        .await?
        .ok_or_else(|| AppError::invalid("email", "No account has that address."))?;
    staffer::Entity::insert(staffer::ActiveModel {
        politician_id: Set(id),
        person_id: Set(person.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([staffer::Column::PoliticianId, staffer::Column::PersonId])
    .exec(db)
    .await?;
    Ok(())
}

/// Every politician, for staff.
pub async fn list_politicians(db: &impl ConnectionTrait) -> AppResult<Vec<PoliticianRow>> {
    use crate::auth::service::directory::person_ref;
    let found = politician::Entity::find()
        .order_by_asc(politician::Column::PublicName)
        .all(db)
        .await?;
    let mut rows = Vec::new();
    for p in found {
        let email = person_ref(db, p.person_id)
            .await?
            .map(|r| r.email)
            .unwrap_or_default();
        let mut staffers = Vec::new();
        for s in staffer::Entity::find()
            .filter(staffer::Column::PoliticianId.eq(p.id))
            .all(db)
            .await?
        {
            if let Some(r) = person_ref(db, s.person_id).await? {
                staffers.push(format!("{} ({})", r.name, r.email));
            }
        }
        rows.push(PoliticianRow {
            id: p.id,
            name: p.public_name,
            title: p.title,
            email,
            staffers,
        });
    }
    Ok(rows)
}

/// The politicians the public sees, by id.
pub async fn politician_views(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> AppResult<Vec<PoliticianView>> {
    Ok(politician::Entity::find()
        .filter(politician::Column::Id.is_in(ids))
        .order_by_asc(politician::Column::PublicName)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// Every politician, for the new-session form.
pub async fn all_politicians(db: &impl ConnectionTrait) -> AppResult<Vec<PoliticianView>> {
    Ok(politician::Entity::find()
        .order_by_asc(politician::Column::PublicName)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

fn view(p: politician::Model) -> PoliticianView {
    PoliticianView {
        id: p.id,
        name: p.public_name,
        title: p.title,
    }
}

/// The politicians taking part in `session_id`.
pub async fn session_politician_ids(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> AppResult<Vec<i32>> {
    Ok(session_politician::Entity::find()
        .filter(session_politician::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.politician_id)
        .collect())
}

/// The session's politicians `person_id` may answer as: themself, or those they staff for.
pub async fn answerer_for(
    db: &impl ConnectionTrait,
    session_id: i32,
    person_id: i32,
) -> AppResult<Option<Vec<i32>>> {
    let in_session = session_politician_ids(db, session_id).await?;
    if in_session.is_empty() {
        return Ok(None);
    }
    let mine: Vec<i32> = politician::Entity::find()
        .filter(politician::Column::PersonId.eq(person_id))
        .filter(politician::Column::Id.is_in(in_session.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .chain(
            staffer::Entity::find()
                .filter(staffer::Column::PersonId.eq(person_id))
                .filter(staffer::Column::PoliticianId.is_in(in_session))
                .all(db)
                .await?
                .into_iter()
                .map(|s| s.politician_id),
        )
        .collect();
    Ok((!mine.is_empty()).then_some(mine))
}

/// "Jo Evans MP" for the politician, or "Answered by Sam for Jo Evans MP" for a staffer.
pub async fn answered_by(
    db: &impl ConnectionTrait,
    answers: &[(i32, i32, Option<i32>)],
) -> AppResult<HashMap<i32, String>> {
    use crate::{auth::service::directory::names_of, outreach::service::render::first_name_of};
    let politicians: HashMap<i32, politician::Model> = politician::Entity::find()
        .filter(politician::Column::Id.is_in(answers.iter().map(|a| a.1)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let writers = names_of(db, answers.iter().filter_map(|a| a.2)).await?;
    let mut out = HashMap::new();
    for (answer_id, politician_id, writer) in answers {
        let Some(p) = politicians.get(politician_id) else {
            continue;
        };
        let text = match writer {
            Some(w) if *w != p.person_id => match writers.get(w) {
                Some(name) => format!("Answered by {} for {}", first_name_of(name), p.public_name),
                None => format!("Answered by a staffer for {}", p.public_name),
            },
            _ => p.public_name.clone(),
        };
        out.insert(*answer_id, text);
    }
    Ok(out)
}
