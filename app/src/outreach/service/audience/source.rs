//! Where an audience's contacts come from, before consent: the group's members, its
//! events' sign-ups, people near its area, or (for staff) everyone with party consent.
//! Each comes from the domain that owns it, as a subquery with columns email, name and
//! person_id.

use super::{party_choice, AudienceSpec};
use crate::{
    auth::service::directory::{contacts, ContactsOf},
    consent::service::audiences::party_contacts,
    events::service::audiences::signup_contacts,
    groups::service::lookups::active_member_ids,
    outreach::model::AudienceKind,
    places::{model::Coordinates, service::outward::outward_code_centres},
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::SelectStatement;

/// The source's contacts, before consent: columns email, name, person_id.
pub fn source(spec: &AudienceSpec, now: DateTime<Utc>) -> SelectStatement {
    let group_id = spec.group.as_ref().map_or(0, |g| g.id);
    match spec.kind {
        AudienceKind::Members => contacts(ContactsOf::Ids(Box::new(active_member_ids(group_id)))),
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
            contacts(ContactsOf::Districts(districts_near(&centre, spec.miles)))
        }
        AudienceKind::National => party_contacts(spec.channel, party_choice()),
    }
}

/// Postcode districts (outward codes, "S1") whose centre is within `miles`: districts are
/// a mile or two across, so the edge is that fuzzy, and it needs no postcode import.
fn districts_near(centre: &Coordinates, miles: i32) -> Vec<String> {
    outward_code_centres()
        .filter(|(_, position)| centre.miles_to(position) <= f64::from(miles))
        .map(|(outward, _)| outward)
        .collect()
}
