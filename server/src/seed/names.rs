//! Names and email addresses that look like a British membership list. Emails use the
//! reserved example domains, so nothing seeded can ever reach a real inbox.

use super::rng::Rng;
use std::sync::OnceLock;

const FIRST_NAMES: &str = "\
    Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William James Leo \
    Alfie Henry Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max \
    Logan Lucas Daniel Theo Arthur Mohammed Harrison Benjamin Mason Finley Sebastian \
    Adam Dylan Zachary Riley Rhys Owen Callum Euan Ryan Aaron Kieran Liam Connor Jamie \
    David Michael Paul Andrew Mark Stephen Peter John Robert Richard Gareth Dafydd Amir \
    Ravi Arjun Kwame Tunde Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily \
    Evie Isabella Sophie Ivy Freya Harper Willow Charlotte Jessica Florence Daisy Rosie \
    Phoebe Matilda Chloe Ruby Holly Alice Hannah Sienna Erin Megan Niamh Siobhan Aoife \
    Eilidh Catriona Morag Bethan Cerys Seren Ffion Sarah Rachel Helen Claire Joanne \
    Karen Susan Margaret Patricia Linda Fatima Aisha Zainab Priya Anjali Sana Amara \
    Chidi Abena Maya Zara Leah Jasmine Layla Nadia";

const SURNAMES: &str = "\
    Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson \
    Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James \
    Phillips Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Mills King \
    Adams Garcia Allen Watson Baker Harris Clark Hughes Edwards Turner Hill Cooper Ward \
    Morris Moss Hussain Ali Ahmed Begum Shah Singh Kaur Gill Sharma Okafor Mensah \
    Boateng Adeyemi Campbell Stewart MacDonald Robertson Murray Reid Fraser Ross \
    Paterson Henderson MacLeod Kerr Ferguson Murphy Kelly O'Brien O'Neill Byrne Doyle \
    Gallagher McLaughlin Lloyd Price Rees Owen Powell Griffiths Jenkins Bennett Shaw \
    Holmes Foster Lee Chen Wong Nguyen Kowalski Nowak Marshall Simpson Ellis Webb \
    Chapman Gray Hunt Palmer Dixon Knight Butler Barnes Fisher Harrison Gibson Wells \
    Lawrence Ryan Cole Stevens Day Armstrong Pearson Payne Bailey Carter Burns Russell \
    Parker Bell";

const DOMAINS: &[&str] = &["example.org", "example.com", "example.net"];

fn words(
    list: &'static str,
    cell: &'static OnceLock<Vec<&'static str>>,
) -> &'static [&'static str] {
    cell.get_or_init(|| list.split_whitespace().collect())
}

/// A first name and surname.
pub fn person_name(rng: &mut Rng) -> String {
    static FIRST: OnceLock<Vec<&str>> = OnceLock::new();
    static LAST: OnceLock<Vec<&str>> = OnceLock::new();
    format!(
        "{} {}",
        rng.pick(words(FIRST_NAMES, &FIRST)),
        rng.pick(words(SURNAMES, &LAST))
    )
}

/// An email address made from a name and a number that makes it unique, e.g.
/// `grace.obrien1234@example.org`. `tag` separates kinds of address ("" or "g" for guests).
pub fn email_for(name: &str, tag: &str, number: u64, rng: &mut Rng) -> String {
    let local: String = name
        .split_whitespace()
        .map(|part| {
            part.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect::<Vec<_>>()
        .join(".");
    format!("{local}{tag}{number}@{}", rng.pick(DOMAINS))
}

/// A mobile number from Ofcom's range reserved for drama (07700 900000 to 900999).
pub fn mobile(rng: &mut Rng) -> String {
    format!("+447700900{:03}", rng.below(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_lower_case_and_keep_their_number() {
        let mut rng = Rng::new(1);
        let email = email_for("Grace O'Brien", "", 12, &mut rng);
        assert!(email.starts_with("grace.obrien12@example."), "{email}");
        let guest = email_for("Grace O'Brien", "g", 12, &mut rng);
        assert!(guest.starts_with("grace.obrieng12@"), "{guest}");
        assert!(app::validate::EmailAddress::parse("email", &email).is_ok());
    }
}
