//! Names and descriptions of generated groups, by topic and place.

use super::rng::Rng;

/// A topic for an unofficial group: local campaigning most often, "other" least.
pub fn pick_topic(rng: &mut Rng) -> &'static str {
    match rng.below(100) {
        0..25 => "local",
        25..37 => "environment",
        37..48 => "health",
        48..60 => "housing",
        60..69 => "transport",
        69..77 => "education",
        77..85 => "economy",
        85..92 => "equality",
        92..97 => "international",
        _ => "other",
    }
}

/// The name of an official local party group.
pub fn official_name(town: &str, district: &str) -> String {
    format!("{town} {district} Local Party")
}

/// A group name about `topic`. Never "… Local Party", which only official groups use.
pub fn name(topic: &str, town: &str, district: &str, rng: &mut Rng) -> String {
    let options: [String; 3] = match topic {
        "local" => [
            format!("{town} {district} Campaigners"),
            format!("{district} Action Team"),
            format!("{town} {district} Street Team"),
        ],
        "environment" => [
            format!("{town} Climate Action"),
            format!("{district} Green Spaces Group"),
            format!("Friends of {town} Parks"),
        ],
        "health" => [
            format!("{town} Save Our NHS"),
            format!("{district} Health Campaign"),
            format!("{town} Carers' Network"),
        ],
        "housing" => [
            format!("{town} Renters' Network"),
            format!("{district} Housing Action"),
            format!("{town} Homes for All"),
        ],
        "transport" => [
            format!("{town} Better Buses"),
            format!("{district} Safe Streets"),
            format!("{town} Rail Users' Campaign"),
        ],
        "education" => [
            format!("{town} Parents for Schools"),
            format!("{district} Education Group"),
            format!("Save {town}'s Libraries"),
        ],
        "economy" => [
            format!("{town} Good Jobs Campaign"),
            format!("{district} Living Wage Group"),
            format!("{town} High Street Forum"),
        ],
        "equality" => [
            format!("{town} Equality Network"),
            format!("{district} Disability Rights Group"),
            format!("{town} Women's Forum"),
        ],
        "international" => [
            format!("{town} International Solidarity"),
            format!("{town} Refugees Welcome"),
            format!("{district} Twinning Association"),
        ],
        _ => [
            format!("{town} {district} Book Club"),
            format!("{district} Community Volunteers"),
            format!("{town} Members' Choir"),
        ],
    };
    options[rng.below(3) as usize].clone()
}

/// A short description: what the group does, and how to take part.
pub fn description(topic: &str, town: &str, verified: bool, rng: &mut Rng) -> String {
    if verified {
        return format!(
            "The official local party for this part of {town}. We meet monthly, canvass most weekends and run street stalls in the town centre. {}",
            welcome(rng)
        );
    }
    let what = match topic {
        "local" => "We knock doors, deliver leaflets and keep in touch with residents between elections.",
        "environment" => "We campaign for cleaner air, safer cycling and green spaces people can use.",
        "health" => "We campaign to keep local surgeries and hospital services open and properly staffed.",
        "housing" => "Tenants and members working for repairs done on time, fair rents and more social housing.",
        "transport" => "We campaign for reliable, affordable buses and trains and streets that are safe to cross.",
        "education" => "Parents, teachers and governors campaigning for well-funded schools and libraries.",
        "economy" => "We back local businesses and campaign for a real living wage and secure jobs.",
        "equality" => "We campaign for equal treatment at work, in housing and in public services.",
        "international" => "We welcome refugees, support aid campaigns and link up with groups abroad.",
        _ => "A friendly group for members who want to meet, talk and help out locally.",
    };
    format!("{what} Based in {town}. {}", welcome(rng))
}

const WELCOMES: [&str; 4] = [
    "New members are always welcome.",
    "Come along to a meeting, or just say hello on the forum.",
    "No experience needed: we pair newcomers with someone who has done it before.",
    "Join us for an hour or for the whole campaign.",
];

fn welcome(rng: &mut Rng) -> &'static str {
    WELCOMES[rng.below(WELCOMES.len() as u64) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::groups::model::{group_slug, TOPICS};

    #[test]
    fn names_fit_the_columns_and_only_official_groups_are_local_parties() {
        for seed in 0..300 {
            let mut rng = Rng::new(seed);
            let topic = pick_topic(&mut rng);
            assert!(TOPICS.iter().any(|(t, _)| *t == topic));
            let name = name(topic, "Stoke-on-Trent", "ST10", &mut rng);
            assert!(!name.contains("Local Party"), "{name}");
            assert!(name.len() <= 60 && !group_slug(&name).is_empty(), "{name}");
        }
        assert!(official_name("Llandrindod Wells", "LD1").len() <= 60);
    }
}
