//! Joining, requests, roles and bans, through the server functions.

use super::{add_member, group_owned_by, person_id, TestApp};
use axum::http::StatusCode;

async fn member_count(app: &TestApp, group_id: i32) -> i32 {
    use sea_orm::EntityTrait;
    app::groups::tables::group::Entity::find_by_id(group_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .member_count
}

#[tokio::test]
async fn joining_an_approval_group_waits_for_an_organiser() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let owner_id = person_id(&app, "olive@example.org").await;
    let group = group_owned_by(&app, owner_id, "Careful group", "approval").await;
    let joiner = app.signed_in("Jo Joiner", "jo@example.org").await;
    let jo = person_id(&app, "jo@example.org").await;
    let id = group.to_string();

    app.call("/api/groups/join", &[("group_id", &id)], Some(&joiner))
        .await;
    let thread_list = app
        .call(
            "/api/groups/get",
            &[("slug", "careful-group")],
            Some(&joiner),
        )
        .await
        .json();
    assert_eq!(thread_list["access"]["standing"], "Pending");
    assert!(thread_list["threads"].is_null(), "no forum before approval");
    assert_eq!(member_count(&app, group).await, 1);

    let jo_id = jo.to_string();
    let decided = app
        .call(
            "/api/groups/requests/decide",
            &[
                ("group_id", &id),
                ("person_id", &jo_id),
                ("decision", "approve"),
            ],
            Some(&owner),
        )
        .await;
    assert!(decided.succeeded(), "{}", decided.body);
    let view = app
        .call(
            "/api/groups/get",
            &[("slug", "careful-group")],
            Some(&joiner),
        )
        .await
        .json();
    assert_eq!(view["access"]["standing"], "Member");
    assert_eq!(member_count(&app, group).await, 2);
}

#[tokio::test]
async fn a_group_always_keeps_an_owner() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let owner_id = person_id(&app, "olive@example.org").await;
    let group = group_owned_by(&app, owner_id, "Kept group", "open").await;
    let id = group.to_string();
    let me = owner_id.to_string();

    let leave = app
        .call("/api/groups/leave", &[("group_id", &id)], Some(&owner))
        .await;
    assert_eq!(leave.status, StatusCode::CONFLICT);
    let demote = app
        .call(
            "/api/groups/members/role",
            &[("group_id", &id), ("person_id", &me), ("role", "member")],
            Some(&owner),
        )
        .await;
    assert_eq!(demote.status, StatusCode::CONFLICT);

    // With a second owner, the first may step down.
    let second = app.create_person("Sam Second", "sam@example.org").await;
    add_member(&app, group, second, "member", "active").await;
    let promote = app
        .call(
            "/api/groups/members/role",
            &[
                ("group_id", &id),
                ("person_id", &second.to_string()),
                ("role", "owner"),
            ],
            Some(&owner),
        )
        .await;
    assert!(promote.succeeded(), "{}", promote.body);
    let leave = app
        .call("/api/groups/leave", &[("group_id", &id)], Some(&owner))
        .await;
    assert!(leave.succeeded(), "{}", leave.body);
}

#[tokio::test]
async fn organisers_cannot_make_owners_or_act_on_them() {
    let app = TestApp::spawn().await;
    let owner_id = app.create_person("Olive Owner", "olive@example.org").await;
    let group = group_owned_by(&app, owner_id, "Layered group", "open").await;
    let organiser = app.signed_in("Oscar Organiser", "oscar@example.org").await;
    add_member(
        &app,
        group,
        person_id(&app, "oscar@example.org").await,
        "organiser",
        "active",
    )
    .await;
    let member = app.create_person("Mina Member", "mina@example.org").await;
    add_member(&app, group, member, "member", "active").await;
    let id = group.to_string();

    let make_owner = app
        .call(
            "/api/groups/members/role",
            &[
                ("group_id", &id),
                ("person_id", &member.to_string()),
                ("role", "owner"),
            ],
            Some(&organiser),
        )
        .await;
    assert_eq!(make_owner.status, StatusCode::FORBIDDEN);
    let ban_owner = app
        .call(
            "/api/groups/members/ban",
            &[("group_id", &id), ("person_id", &owner_id.to_string())],
            Some(&organiser),
        )
        .await;
    assert_eq!(ban_owner.status, StatusCode::FORBIDDEN);
    let promote = app
        .call(
            "/api/groups/members/role",
            &[
                ("group_id", &id),
                ("person_id", &member.to_string()),
                ("role", "organiser"),
            ],
            Some(&organiser),
        )
        .await;
    assert!(promote.succeeded(), "{}", promote.body);
}

#[tokio::test]
async fn a_banned_person_cannot_come_back_even_by_invitation() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let owner_id = person_id(&app, "olive@example.org").await;
    let group = group_owned_by(&app, owner_id, "Strict group", "open").await;
    let troll = app.signed_in("Tom Troll", "tom@example.org").await;
    let troll_id = person_id(&app, "tom@example.org").await.to_string();
    let id = group.to_string();
    app.call("/api/groups/join", &[("group_id", &id)], Some(&troll))
        .await;
    assert_eq!(member_count(&app, group).await, 2);

    app.call(
        "/api/groups/members/ban",
        &[("group_id", &id), ("person_id", &troll_id)],
        Some(&owner),
    )
    .await;
    assert_eq!(member_count(&app, group).await, 1);
    let again = app
        .call("/api/groups/join", &[("group_id", &id)], Some(&troll))
        .await;
    assert_eq!(again.status, StatusCode::FORBIDDEN);
    let token = super::invite(&app, group, owner_id).await;
    let accept = app
        .call(
            "/api/groups/invite/accept",
            &[("token", &token)],
            Some(&troll),
        )
        .await;
    assert_eq!(accept.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_invitation_is_emailed_and_lets_people_in_past_approval() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in("Olive Owner", "olive@example.org").await;
    let owner_id = person_id(&app, "olive@example.org").await;
    let group = group_owned_by(&app, owner_id, "Invited group", "approval").await;
    let sent = app
        .call(
            "/api/groups/invite",
            &[
                ("group_id", &group.to_string()),
                ("invite_email", "Friend@Example.org"),
            ],
            Some(&owner),
        )
        .await;
    assert!(sent.succeeded(), "{}", sent.body);
    let bad = app
        .call(
            "/api/groups/invite",
            &[
                ("group_id", &group.to_string()),
                ("invite_email", "not an email"),
            ],
            Some(&owner),
        )
        .await;
    assert_eq!(bad.error_field(), "invite_email");
    let emails = app
        .call(
            "/api/outreach/outbox",
            &[],
            Some(&app.signed_in_staff().await),
        )
        .await
        .json();
    let body = emails[0]["body"].as_str().unwrap().to_string();
    assert_eq!(emails[0]["to_email"], "friend@example.org");
    let token = body
        .split("/groups/invite/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();

    let friend = app.signed_in("Fran Friend", "friend@example.org").await;
    app.call(
        "/api/groups/invite/accept",
        &[("token", &token)],
        Some(&friend),
    )
    .await;
    let view = app
        .call(
            "/api/groups/get",
            &[("slug", "invited-group")],
            Some(&friend),
        )
        .await
        .json();
    assert_eq!(view["access"]["standing"], "Member");
    let reused = app
        .call("/api/groups/invite/get", &[("token", &token)], None)
        .await;
    assert_eq!(
        reused.status,
        StatusCode::NOT_FOUND,
        "an invitation works once"
    );
}
