//! Every Web Creator server function, called as the group's organiser, one of its members,
//! a stranger, staff and nobody: organisers of the official group and staff build its
//! site; nobody else gets past the door.

use super::{Site, SLUG};
use crate::groups::add_member;
use axum::http::StatusCode;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Person {
    Organiser,
    Member,
    Stranger,
    Staff,
    Anonymous,
}

#[tokio::test]
async fn every_sites_server_function_answers_each_person_as_the_rule_says() {
    let site = Site::new().await;
    let app = &site.org.app;
    let member = app.signed_in("Meg Member", "meg@example.org").await;
    let meg = app.me(Some(&member)).await["id"].as_i64().unwrap() as i32;
    add_member(app, site.org.group_id, meg, "member", "active").await;
    let stranger = app.signed_in("Stu Stranger", "stu@example.org").await;
    let staff = app.signed_in_staff().await;
    let group = site.org.group_id.to_string();
    // Requests that are let in but fail on their content still show the door was open.
    // (server function, only editors may, its form)
    type Case<'a> = (&'a str, bool, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        ("editor", true, vec![("group", SLUG)]),
        (
            "settings",
            true,
            vec![
                ("group", SLUG),
                ("promoter_name", ""),
                ("promoter_address", ""),
                ("accent", ""),
            ],
        ),
        (
            "add-page",
            true,
            vec![("group", SLUG), ("title", ""), ("slug", "")],
        ),
        ("page", true, vec![("group", SLUG), ("page", "home")]),
        (
            "page-details",
            true,
            vec![
                ("group", SLUG),
                ("page", "home"),
                ("version", "0"),
                ("title", ""),
                ("description", ""),
            ],
        ),
        (
            "add-block",
            true,
            vec![
                ("group", SLUG),
                ("page", "home"),
                ("version", "0"),
                ("kind", "nothing"),
            ],
        ),
        (
            "save-block",
            true,
            vec![
                ("group", SLUG),
                ("page", "home"),
                ("version", "0"),
                ("index", "99"),
            ],
        ),
        (
            "arrange-block",
            true,
            vec![
                ("group", SLUG),
                ("page", "home"),
                ("version", "0"),
                ("index", "99"),
                ("action", "up"),
            ],
        ),
        (
            "publish",
            true,
            vec![("group", SLUG), ("page", "home"), ("version", "0")],
        ),
        (
            "restore",
            true,
            vec![("group", SLUG), ("page", "home"), ("revision", "999999")],
        ),
        ("links", false, vec![("group_id", &group)]),
    ];
    for person in [
        Person::Organiser,
        Person::Member,
        Person::Stranger,
        Person::Staff,
        Person::Anonymous,
    ] {
        let session = match person {
            Person::Organiser => Some(site.org.session.as_str()),
            Person::Member => Some(member.as_str()),
            Person::Stranger => Some(stranger.as_str()),
            Person::Staff => Some(staff.as_str()),
            Person::Anonymous => None,
        };
        for (what, editors_only, form) in &cases {
            let reply = app.call(&format!("/api/sites/{what}"), form, session).await;
            let turned_away = matches!(
                reply.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            );
            let allowed = !editors_only || matches!(person, Person::Organiser | Person::Staff);
            assert_eq!(
                !turned_away, allowed,
                "{what} as {person:?}: {} {}",
                reply.status, reply.body
            );
        }
    }
}
