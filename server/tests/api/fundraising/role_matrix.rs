//! Every fundraising server function, called as a donor, the group's treasurer, another
//! group's organiser, a member, staff and nobody: staff keep every gift's books, a
//! group's named treasurer that group's; nobody else gets past the door.

use super::{Fund, LOCAL};
use crate::groups::group_owned_by;
use axum::http::StatusCode;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Person {
    Donor,
    Treasurer,
    OtherOrganiser,
    Member,
    Staff,
    Anonymous,
}

#[tokio::test]
async fn every_fundraising_server_function_answers_each_person_as_the_rule_says() {
    let fund = Fund::new().await;
    let app = fund.app();
    let staff = app.signed_in_staff().await;
    let treasurer = app.signed_in("Tina Treasurer", "tina@example.org").await;
    let named = app
        .call(
            "/api/fundraising/treasurer",
            &[
                ("group", "sheffield-central-local-party"),
                ("email", "tina@example.org"),
            ],
            Some(&staff),
        )
        .await;
    assert!(named.succeeded(), "{}", named.body);
    let donor = app.signed_in("Dana Donor", "dana@example.org").await;
    fund.give_and_pay(LOCAL, "dana@example.org", "25", "one-off", "card")
        .await;
    fund.deliver().await;
    let other = app.signed_in("Oscar Other", "oscar@example.org").await;
    let oscar = app.me(Some(&other)).await["id"].as_i64().unwrap() as i32;
    group_owned_by(app, oscar, "Leeds Local Party", "open").await;
    let member = app.signed_in("Meg Member", "meg@example.org").await;
    let page = fund.local.id.to_string();
    // (server function, who besides staff may, its form: let in, then failing on content)
    type Case<'a> = (&'a str, bool, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            "books",
            true,
            vec![("status", ""), ("donor", ""), ("over", "")],
        ),
        (
            "check",
            true,
            vec![
                ("donation_id", "999999"),
                ("register", "r"),
                ("reference", "r"),
                ("decision", "accept"),
            ],
        ),
        (
            "offline",
            true,
            vec![
                ("page_id", &page),
                ("donor_name", ""),
                ("donor_email", ""),
                ("donor_address", ""),
                ("donor_postcode", ""),
                ("amount", ""),
                ("note", ""),
            ],
        ),
        (
            "treasurer",
            false,
            vec![("group", "no-such-group"), ("email", "x@example.org")],
        ),
        (
            "new-page",
            false,
            vec![
                ("group", ""),
                ("slug", ""),
                ("title", ""),
                ("story", ""),
                ("target", ""),
                ("suggested", ""),
                ("maximum", ""),
            ],
        ),
    ];
    let people = [
        (Person::Donor, Some(donor.as_str())),
        (Person::Treasurer, Some(treasurer.as_str())),
        (Person::OtherOrganiser, Some(other.as_str())),
        (Person::Member, Some(member.as_str())),
        (Person::Staff, Some(staff.as_str())),
        (Person::Anonymous, None),
    ];
    for (what, treasurer_may, form) in &cases {
        for (person, session) in people {
            let reply = app
                .call(&format!("/api/fundraising/{what}"), form, session)
                .await;
            let allowed =
                person == Person::Staff || (person == Person::Treasurer && *treasurer_may);
            let refused = [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&reply.status);
            if allowed {
                assert!(
                    !refused,
                    "{what} as {person:?}: {} {}",
                    reply.status, reply.body
                );
            } else {
                let expected = if person == Person::Anonymous {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(
                    reply.status, expected,
                    "{what} as {person:?}: {}",
                    reply.body
                );
            }
        }
    }
}

#[tokio::test]
async fn an_organiser_opens_an_appeal_for_the_group_and_a_member_cannot() {
    let fund = Fund::new().await;
    let app = fund.app();
    let form = |slug: &'static str| {
        vec![
            ("group", "sheffield-central-local-party"),
            ("slug", slug),
            ("title", "Leaflets for the by-election"),
            ("story", "We need **leaflets**."),
            ("target", "2,000"),
            ("suggested", "5, 10, 20"),
            ("maximum", "1000"),
        ]
    };
    let made = app
        .call(
            "/api/fundraising/new-page",
            &form("leaflets"),
            Some(&fund.org.session),
        )
        .await;
    assert!(made.succeeded(), "{}", made.body);
    let page = app.get("/donate/leaflets", None).await;
    assert!(page.body.contains("Leaflets for the by-election"));
    assert!(
        page.body.contains("<strong>leaflets</strong>"),
        "the story's Markdown is drawn"
    );
    let again = app
        .call(
            "/api/fundraising/new-page",
            &form("leaflets"),
            Some(&fund.org.session),
        )
        .await;
    assert_eq!(again.error_field(), "slug", "one page per address");
    let member = app.signed_in("Meg Member", "meg@example.org").await;
    let refused = app
        .call("/api/fundraising/new-page", &form("other"), Some(&member))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}
