//! What outreach asks of consent to build an audience: the choice in force joined to its
//! candidates, and (for national messages) everyone who agreed to hear from the party.

use crate::{
    auth::service::directory::name_of_address,
    consent::{
        entity::consent_current,
        model::{Channel, Scope, PARTY_SCOPE},
    },
};
use sea_orm::sea_query::{
    Alias, Condition, Expr, ExprTrait, JoinType, Query, SelectStatement, SimpleExpr,
};

/// Left-joins, as `alias`, the choice in force for `email`, `channel` and `scope`.
pub fn join_choice(
    query: &mut SelectStatement,
    alias: Alias,
    email: SimpleExpr,
    channel: Channel,
    scope: Scope,
) {
    let col = |c: consent_current::Column| Expr::col((alias.clone(), c));
    let on = Condition::all()
        .add(col(consent_current::Column::Email).eq(email))
        .add(col(consent_current::Column::Channel).eq(channel))
        .add(col(consent_current::Column::Scope).eq(scope));
    query.join_as(JoinType::LeftJoin, consent_current::Entity, alias, on);
}

/// Whether the choice joined as `alias` agreed (NULL where there is none).
pub fn granted(alias: Alias) -> SimpleExpr {
    Expr::col((alias, consent_current::Column::Granted))
}

/// The number the choice joined as `alias` was given for (SMS).
pub fn phone(alias: Alias) -> SimpleExpr {
    Expr::col((alias, consent_current::Column::Phone))
}

/// Everyone with party-wide consent on `channel`, as contacts (columns email, name,
/// person_id), read as `alias` so the audience can join the same choice again.
pub fn party_contacts(channel: Channel, alias: Alias) -> SelectStatement {
    let col = |c: consent_current::Column| Expr::col((alias.clone(), c));
    Query::select()
        .expr_as(col(consent_current::Column::Email), Alias::new("email"))
        .expr_as(
            name_of_address(col(consent_current::Column::Email)),
            Alias::new("name"),
        )
        .expr_as(
            col(consent_current::Column::PersonId),
            Alias::new("person_id"),
        )
        .from_as(consent_current::Entity, alias.clone())
        .and_where(col(consent_current::Column::Channel).eq(channel))
        .and_where(col(consent_current::Column::Scope).eq(PARTY_SCOPE))
        .and_where(col(consent_current::Column::Granted).eq(true))
        .to_owned()
}
