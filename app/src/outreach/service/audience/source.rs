//! Where an audience's contacts come from, before consent: the group's members, its
//! events' sign-ups, people near its area, or (for staff) everyone with party consent.

use super::{party_choice, AudienceSpec};
use crate::{
    auth::entity::person,
    consent::service::audiences::party_contacts,
    events::service::audiences::signup_contacts,
    groups::service::lookups::active_member_ids,
    outreach::model::AudienceKind,
    places::{model::Coordinates, service::outward::outward_code_centres},
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Query, SelectStatement};

/// The source's contacts, before consent: columns email, name, person_id.
pub fn source(spec: &AudienceSpec, now: DateTime<Utc>) -> SelectStatement {
    let group_id = spec.group.as_ref().map_or(0, |g| g.id);
    match spec.kind {
        AudienceKind::Members => people()
            .from(person::Entity)
            .and_where(
                Expr::col((person::Entity, person::Column::Id))
                    .in_subquery(active_member_ids(group_id)),
            )
            .to_owned(),
        AudienceKind::SignupsUpcoming | AudienceKind::SignupsPast => {
            signup_contacts(group_id, spec.kind == AudienceKind::SignupsUpcoming, now)
        }
        AudienceKind::Area => {
            let centre = spec.group.as_ref().map_or(
                Coordinates {
                    latitude: 0.0,
                    longitude: 0.0,
                },
                |g| Coordinates {
                    latitude: g.latitude,
                    longitude: g.longitude,
                },
            );
            people()
                .from(person::Entity)
                .cond_where(near(&centre, spec.miles))
                .to_owned()
        }
        AudienceKind::National => party_contacts(spec.channel, party_choice()),
    }
}

/// A source's columns under the names the audience query reads.
fn contacts(email: Expr, name: Expr, person_id: Expr) -> SelectStatement {
    Query::select()
        .expr_as(email, Alias::new("email"))
        .expr_as(name, Alias::new("name"))
        .expr_as(person_id, Alias::new("person_id"))
        .to_owned()
}

/// Account holders' columns (join or select from `people`).
fn people() -> SelectStatement {
    contacts(
        Expr::col((person::Entity, person::Column::Email)),
        Expr::col((person::Entity, person::Column::Name)),
        Expr::col((person::Entity, person::Column::Id)),
    )
}

/// People whose postcode district (its outward code, "S1") has its centre within
/// `miles`: districts are a mile or two across, so the edge is that fuzzy, and it needs
/// no postcode import.
fn near(centre: &Coordinates, miles: i32) -> Condition {
    let mut any = Condition::any();
    for (outward, position) in outward_code_centres() {
        if centre.miles_to(&position) <= f64::from(miles) {
            any = any.add(
                Expr::col((person::Entity, person::Column::Postcode)).like(format!("{outward} %")),
            );
        }
    }
    // No district in range matches nobody rather than everybody.
    any.add(Expr::val(1).eq(0))
}
