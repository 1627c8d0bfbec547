//! Where an audience's contacts come from, before consent: the group's members, its
//! events' sign-ups, people near its area, or (for staff) everyone with party consent.

use super::{party_choice, AudienceSpec};
use crate::{
    auth::entity::person,
    events::{
        entity::{event, event_slot, signup},
        model::SignUpStatus,
    },
    groups::entity::group_member,
    outreach::{
        entity::consent_current,
        model::{AudienceKind, PARTY_SCOPE},
    },
    places::{model::Coordinates, service::outward::outward_code_centres},
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Condition, Expr, ExprTrait, Func, Query, SelectStatement};

/// The source's contacts, before consent: columns email, name, person_id.
pub fn source(spec: &AudienceSpec, now: DateTime<Utc>) -> SelectStatement {
    let group_id = spec.group.as_ref().map_or(0, |g| g.id);
    match spec.kind {
        AudienceKind::Members => people()
            .from(group_member::Entity)
            .inner_join(
                person::Entity,
                Expr::col((person::Entity, person::Column::Id))
                    .equals((group_member::Entity, group_member::Column::PersonId)),
            )
            .and_where(
                Expr::col((group_member::Entity, group_member::Column::GroupId)).eq(group_id),
            )
            .and_where(Expr::col((group_member::Entity, group_member::Column::State)).eq("active"))
            .to_owned(),
        AudienceKind::SignupsUpcoming | AudienceKind::SignupsPast => {
            let when = Expr::col((event_slot::Entity, event_slot::Column::StartsAt));
            let when = if spec.kind == AudienceKind::SignupsUpcoming {
                when.gte(now)
            } else {
                when.lt(now)
            };
            contacts(
                Expr::col((signup::Entity, signup::Column::Email)),
                Expr::col((signup::Entity, signup::Column::Name)),
                Expr::col((signup::Entity, signup::Column::PersonId)),
            )
            .from(signup::Entity)
            .inner_join(
                event_slot::Entity,
                Expr::col((event_slot::Entity, event_slot::Column::Id))
                    .equals((signup::Entity, signup::Column::SlotId)),
            )
            .inner_join(
                event::Entity,
                Expr::col((event::Entity, event::Column::Id))
                    .equals((event_slot::Entity, event_slot::Column::EventId)),
            )
            .and_where(Expr::col((event::Entity, event::Column::GroupId)).eq(group_id))
            .and_where(
                Expr::col((signup::Entity, signup::Column::Status))
                    .is_in([SignUpStatus::Confirmed, SignUpStatus::Waitlisted]),
            )
            .and_where(when)
            .to_owned()
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
        AudienceKind::National => contacts(
            Expr::col((party_choice(), consent_current::Column::Email)),
            Func::coalesce([
                Expr::col((person::Entity, person::Column::Name)),
                Expr::val(""),
            ])
            .into(),
            Expr::col((party_choice(), consent_current::Column::PersonId)),
        )
        .from_as(consent_current::Entity, party_choice())
        .left_join(
            person::Entity,
            Expr::col((person::Entity, person::Column::Email))
                .equals((party_choice(), consent_current::Column::Email)),
        )
        .and_where(
            Expr::col((party_choice(), consent_current::Column::Channel)).eq(spec.channel.as_str()),
        )
        .and_where(Expr::col((party_choice(), consent_current::Column::Scope)).eq(PARTY_SCOPE))
        .and_where(Expr::col((party_choice(), consent_current::Column::Granted)).eq(true))
        .to_owned(),
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
