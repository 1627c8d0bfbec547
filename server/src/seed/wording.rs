//! Titles, descriptions and venues for generated events, by kind and town.

use super::rng::Rng;
use app::events::model::EventKind;

const ONLINE_TOPICS: &[&str] = &[
    "talking to voters",
    "organising your street",
    "data protection for volunteers",
    "running a street stall",
    "fundraising basics",
    "welcoming new members",
    "writing to your local paper",
    "social media for campaigners",
];

/// An event title. Never the title of a demo event, which the browser tests look for.
pub fn title(kind: EventKind, town: &str, district: &str, rng: &mut Rng) -> String {
    let topic = rng.pick(ONLINE_TOPICS);
    match kind {
        EventKind::Canvassing => match rng.below(4) {
            0 => format!("Canvassing in {town} {district}"),
            1 => format!("Saturday doorstep session: {town} {district}"),
            2 => format!("Street stall in {town}"),
            _ => format!("Leafleting round {district}, {town}"),
        },
        EventKind::PhoneBank => match rng.below(2) {
            0 => format!("Phone bank in {town}"),
            _ => format!("Evening calls from the {town} office"),
        },
        EventKind::Meeting => match rng.below(3) {
            0 => format!("{town} {district} branch meeting"),
            1 => format!("Campaign planning in {town}"),
            _ => format!("Policy discussion: {town} {district}"),
        },
        EventKind::Social => match rng.below(3) {
            0 => format!("Drinks and a chat in {town}"),
            1 => format!("Curry night in {town}"),
            _ => format!("Winter walk and talk: {town}"),
        },
        EventKind::Fundraiser => match rng.below(3) {
            0 => format!("Quiz night in {town}"),
            1 => format!("Ceilidh for the {town} campaign"),
            _ => format!("Bake sale in {town} {district}"),
        },
        EventKind::Online => match rng.below(3) {
            0 => format!("Online training: {topic}"),
            1 => format!("Webinar: {topic}"),
            _ => format!("National video call: {topic}"),
        },
    }
}

/// A short description, a couple of sentences long.
pub fn description(kind: EventKind, town: &str, rng: &mut Rng) -> String {
    let what = match kind {
        EventKind::Canvassing => {
            "We'll pair you with someone experienced and knock on doors together."
        }
        EventKind::PhoneBank => {
            "Scripts, phones and tea provided; bring a charged mobile if you have one."
        }
        EventKind::Meeting => {
            "Agenda: campaign update, reports from the wards, and any other business."
        }
        EventKind::Social => "No speeches, just a chance to meet the people campaigning near you.",
        EventKind::Fundraiser => "Every pound raised goes to the local campaign fund.",
        EventKind::Online => "Join from anywhere; the link works in any browser.",
    };
    let welcome = rng.pick(&[
        "Everyone is welcome, whether it is your first time or your fiftieth.",
        "New volunteers are very welcome. Bring a friend.",
        "Step-free access; tell us if you need anything else to take part.",
        "Come for as long as you can, even half an hour helps.",
    ]);
    format!(
        "{} for members and supporters in {town}. {what} {welcome}",
        kind.label()
    )
}

/// Where an event in person happens.
pub fn venue(kind: EventKind, town: &str, district: &str, rng: &mut Rng) -> String {
    if kind == EventKind::PhoneBank {
        return format!("{town} campaign office");
    }
    match rng.below(8) {
        0 => format!("{town} Community Centre"),
        1 => "St Mary's Church Hall".to_string(),
        2 => "The Red Lion, function room".to_string(),
        3 => format!("{town} Library, meeting room 1"),
        4 => format!("Outside {town} station"),
        5 => "Trades Hall".to_string(),
        6 => format!("{district} Scout Hut"),
        _ => "Friends Meeting House".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_never_copy_the_demo_events_the_tests_find() {
        for seed in 0..500 {
            let mut rng = Rng::new(seed);
            for kind in EventKind::ALL {
                let title = title(kind, "Leeds", "LS1", &mut rng);
                for taken in [
                    "Door knocking in Ancoats",
                    "by-election",
                    "Leeds members' meeting",
                ] {
                    assert!(!title.contains(taken), "{title}");
                }
                assert!(title.len() <= 120);
            }
        }
    }
}
