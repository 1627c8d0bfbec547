//! Roles held by people, stored as rows so later work can add more.

use crate::{
    auth::{entity::person_role, model::Role},
    error::AppResult,
};
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// The roles a person holds (without the implied `Person`).
pub async fn list_roles_for_person(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> AppResult<Vec<Role>> {
    let rows = person_role::Entity::find()
        .filter(person_role::Column::PersonId.eq(person_id))
        .order_by_asc(person_role::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|row| row.role).collect())
}

/// Grants a role; granting one already held changes nothing.
pub async fn grant_role(db: &impl ConnectionTrait, person_id: i32, role: Role) -> AppResult<()> {
    let row = person_role::ActiveModel {
        person_id: Set(person_id),
        role: Set(role),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    person_role::Entity::insert(row)
        .on_conflict_do_nothing_on([person_role::Column::PersonId, person_role::Column::Role])
        .exec(db)
        .await?;
    Ok(())
}

/// The ids of everyone holding `role`, as a subquery (for `directory::emails_of`).
pub fn holders_of(role: Role) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::{QuerySelect, QueryTrait};
    person_role::Entity::find()
        .select_only()
        .column(person_role::Column::PersonId)
        .filter(person_role::Column::Role.eq(role))
        .into_query()
}
