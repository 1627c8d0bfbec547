//! schema.org Event data (JSON-LD) for an event page, so search engines can list it.

use crate::events::{
    entity::{event, event_slot},
    model::{EventCard, EventKind, EventStatus},
};
use serde_json::{json, Value};

/// The event as JSON-LD, safe to put inside a `<script type="application/ld+json">`.
pub fn structured_data(
    e: &event::Model,
    card: &EventCard,
    slots: &[event_slot::Model],
    url: &str,
) -> String {
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return String::new();
    };
    let online = card.kind == EventKind::Online;
    let location = if online {
        json!({ "@type": "VirtualLocation", "url": url })
    } else {
        json!({
            "@type": "Place",
            "name": e.venue.clone().unwrap_or_else(|| card.place.clone()),
            "address": {
                "@type": "PostalAddress",
                "postalCode": e.postcode,
                "addressCountry": "GB",
            },
        })
    };
    let status = match e.status {
        EventStatus::Cancelled => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };
    let availability = match card.places_left {
        Some(0) => "https://schema.org/SoldOut",
        _ => "https://schema.org/InStock",
    };
    let mut data: Value = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "description": e.description,
        "url": url,
        "startDate": first.starts_at.to_rfc3339(),
        "endDate": last.ends_at.to_rfc3339(),
        "eventStatus": status,
        "eventAttendanceMode": if online {
            "https://schema.org/OnlineEventAttendanceMode"
        } else {
            "https://schema.org/OfflineEventAttendanceMode"
        },
        "location": location,
        "organizer": { "@type": "Person", "name": card.host_name },
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "GBP",
            "availability": availability,
            "url": url,
        },
    });
    if e.postcode.is_none() {
        if let Some(address) = data.pointer_mut("/location/address") {
            *address = Value::Null;
        }
    }
    // "</script>" or "<!--" inside a string would end or hide the script element.
    crate::ui::escape::json_in_script(&data.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Utc};

    #[test]
    fn the_data_names_the_event_and_cannot_break_out_of_its_script() {
        let now = Utc::now();
        let e = event::Model {
            id: 7,
            host_id: 1,
            title: "Stall </script><!-- & <script>alert(1)".into(),
            slug: "stall".into(),
            description: "Leaflets".into(),
            kind: EventKind::Canvassing,
            venue: Some("Market".into()),
            postcode: Some("M1 1AE".into()),
            latitude: None,
            longitude: None,
            place_cell: None,
            online_url: None,
            status: crate::events::model::EventStatus::Published,
            group_id: None,
            starts_at: now,
            created_at: now,
            updated_at: now,
        };
        let slot = event_slot::Model {
            id: 1,
            event_id: 7,
            label: None,
            starts_at: now,
            ends_at: now + Duration::hours(2),
            capacity: Some(5),
            confirmed_count: 5,
            created_at: now,
        };
        let card = EventCard {
            id: 7,
            path: "/events/7-stall".into(),
            title: e.title.clone(),
            kind: EventKind::Canvassing,
            when: String::new(),
            place: "Market, M1 1AE".into(),
            host_name: "Sam".into(),
            places_left: Some(0),
            distance: None,
            friends_going: None,
        };
        let json = structured_data(&e, &card, &[slot], "https://x/events/7-stall");
        assert!(!json.contains(['<', '>', '&']));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["@type"], "Event");
        assert_eq!(value["location"]["address"]["postalCode"], "M1 1AE");
        assert_eq!(
            value["offers"]["availability"],
            "https://schema.org/SoldOut"
        );
        assert_eq!(value["name"], "Stall </script><!-- & <script>alert(1)");
    }
}
