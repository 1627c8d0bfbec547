//! Who may send, what they may reach, and bad drafts refused beside their field.

use super::{consent, draft, member, official_group, send, TestApp};
use crate::groups::{add_member, group_owned_by};
use app::consent::model::{Channel, PARTY_SCOPE};
use axum::http::StatusCode;

#[tokio::test]
async fn only_organisers_of_official_groups_and_staff_reach_the_creator() {
    let sender = official_group().await;
    let app = &sender.app;
    let group = sender.group_id.to_string();
    let home = |session: Option<String>| {
        let group = group.clone();
        async move {
            app.call(
                "/api/outreach/home",
                &[("group_id", &group)],
                session.as_deref(),
            )
            .await
        }
    };
    assert_eq!(home(None).await.status, StatusCode::UNAUTHORIZED);
    let mina = app.signed_in("Mina Member", "mina@example.org").await;
    let mina_id = app.me(Some(&mina)).await["id"].as_i64().unwrap() as i32;
    add_member(app, sender.group_id, mina_id, "member", "active").await;
    assert_eq!(home(Some(mina.clone())).await.status, StatusCode::FORBIDDEN);
    let ok = home(Some(sender.session.clone())).await;
    assert_eq!(ok.json()["sender_name"], "Sheffield Central Local Party");
    let staff = app.signed_in_staff().await;
    assert!(home(Some(staff.clone())).await.succeeded());
    // National messages are staff only.
    let national = app
        .call("/api/outreach/home", &[], Some(&sender.session))
        .await;
    assert_eq!(national.status, StatusCode::FORBIDDEN);
    assert!(app
        .call("/api/outreach/home", &[], Some(&staff))
        .await
        .succeeded());
    // An organiser of a group staff have not marked official reaches nobody.
    let unofficial = group_owned_by(app, mina_id, "Tuesday Knitters", "open")
        .await
        .to_string();
    let refused = app
        .call(
            "/api/outreach/home",
            &[("group_id", &unofficial)],
            Some(&mina),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_group_cannot_choose_the_national_list() {
    let sender = official_group().await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await;
    let id = id.to_string();
    let reply = sender
        .app
        .call(
            "/api/outreach/messages/save",
            &[
                ("id", &id),
                ("subject", "Hi"),
                ("body", "Hello"),
                ("audience", "national"),
            ],
            Some(&sender.session),
        )
        .await;
    assert_eq!(reply.error_field(), "audience");
}

#[tokio::test]
async fn unknown_merge_fields_and_missing_events_are_errors_beside_their_field() {
    let sender = official_group().await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await
    .to_string();
    let save = |body: &'static str| {
        let (app, id, session) = (&sender.app, id.clone(), sender.session.clone());
        async move {
            app.call(
                "/api/outreach/messages/save",
                &[
                    ("id", &id),
                    ("subject", "Hi"),
                    ("body", body),
                    ("audience", "members"),
                ],
                Some(&session),
            )
            .await
        }
    };
    let unknown = save("Hello {{frist_name}}").await;
    assert_eq!(unknown.error_field(), "body");
    assert!(unknown.body.contains("frist_name"), "{}", unknown.body);
    assert_eq!(
        save("Come along: {{event_link}}").await.error_field(),
        "event_id"
    );
    // Nothing was saved by the refused attempts.
    let got = sender
        .app
        .call(
            "/api/outreach/messages/get",
            &[("id", &id)],
            Some(&sender.session),
        )
        .await;
    assert_eq!(got.json()["body"], "Hello");
}

#[tokio::test]
async fn sending_to_nobody_is_refused_and_counts_follow_consent() {
    let sender = official_group().await;
    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello {{first_name}}"),
            ("audience", "members"),
        ],
    )
    .await;
    assert_eq!(send(&sender, id).await.error_field(), "audience");
    consent(&sender.app, &ann, Channel::Email, PARTY_SCOPE, true, None).await;
    let counted = sender
        .app
        .call(
            "/api/outreach/audience/count",
            &[
                ("group_id", &sender.group_id.to_string()),
                ("channel", "email"),
                ("audience", "members"),
                ("miles", "5"),
            ],
            Some(&sender.session),
        )
        .await;
    assert_eq!(counted.json(), 1);
    assert!(send(&sender, id).await.succeeded());
    // Sent once: a second send is refused.
    assert_eq!(send(&sender, id).await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn nobody_but_senders_reads_a_message() {
    let sender = official_group().await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Hello"),
            ("audience", "members"),
        ],
    )
    .await
    .to_string();
    let app: &TestApp = &sender.app;
    let stranger = app.signed_in("Sid Stranger", "sid@example.org").await;
    for path in [
        "/api/outreach/messages/get",
        "/api/outreach/messages/progress",
        "/api/outreach/messages/send",
        "/api/outreach/messages/test",
    ] {
        let reply = app.call(path, &[("id", &id)], Some(&stranger)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert_eq!(
            app.call(path, &[("id", &id)], None).await.status,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
}

#[tokio::test]
async fn only_its_sender_deletes_a_draft_and_a_sent_message_stays() {
    let sender = official_group().await;
    let app = &sender.app;
    let fields = [
        ("subject", "Hi"),
        ("body", "Hello"),
        ("audience", "members"),
    ];
    let doomed = draft(&sender, "email", &fields).await.to_string();
    let delete = |id: String, session: Option<String>| async move {
        app.call(
            "/api/outreach/messages/delete",
            &[("id", &id)],
            session.as_deref(),
        )
        .await
    };
    let stranger = app.signed_in("Nosy", "nosy@example.org").await;
    assert_eq!(
        delete(doomed.clone(), Some(stranger)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        delete(doomed.clone(), None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let deleted = delete(doomed.clone(), Some(sender.session.clone())).await;
    assert!(deleted.succeeded(), "{}", deleted.body);
    assert_eq!(
        app.call(
            "/api/outreach/messages/get",
            &[("id", &doomed)],
            Some(&sender.session)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );

    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    consent(app, &ann, Channel::Email, PARTY_SCOPE, true, None).await;
    let kept = draft(&sender, "email", &fields).await;
    let sent = send(&sender, kept).await;
    assert!(sent.succeeded(), "{}", sent.body);
    assert_eq!(
        delete(kept.to_string(), Some(sender.session.clone()))
            .await
            .error_code(),
        "conflict"
    );
}

#[tokio::test]
async fn the_preview_finds_a_recipient_by_name_and_shows_unsaved_words() {
    let sender = official_group().await;
    let app = &sender.app;
    for (name, email) in [
        ("Ann Able", "ann@example.org"),
        ("Anna Baker", "anna@example.org"),
    ] {
        let email = member(&sender, name, email).await;
        consent(app, &email, Channel::Email, PARTY_SCOPE, true, None).await;
    }
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Hi"),
            ("body", "Saved {{first_name}}"),
            ("audience", "members"),
        ],
    )
    .await
    .to_string();
    let session = sender.session.clone();
    let preview = |fields: Vec<(&'static str, &'static str)>| {
        let (id, session) = (id.clone(), session.clone());
        async move {
            let mut form = vec![("id", id.as_str())];
            form.extend(fields);
            app.call("/api/outreach/messages/preview", &form, Some(&session))
                .await
        }
    };
    let by_name = preview(vec![("recipient", "ANNA")]).await.json();
    assert_eq!(by_name["recipient"], "Anna Baker <anna@example.org>");
    assert!(by_name["text"].as_str().unwrap().contains("Saved Anna"));
    let both = preview(vec![("recipient", "ann")]).await.json();
    assert_eq!(both["recipient"], "Ann Able <ann@example.org>");
    assert_eq!(both["also_matching"][0][1], "anna@example.org");
    // A % is a character to find, not a wildcard.
    assert_eq!(preview(vec![("recipient", "%")]).await.error_field(), "as");
    let typed = preview(vec![
        ("subject", "Typed"),
        ("body", "Unsaved {{first_name}}"),
    ])
    .await
    .json();
    assert_eq!(typed["subject"], "Typed");
    assert!(
        typed["text"].as_str().unwrap().contains("Unsaved Ann"),
        "{typed}"
    );
    // The saved draft is unchanged.
    let got = app
        .call(
            "/api/outreach/messages/get",
            &[("id", &id)],
            Some(&sender.session),
        )
        .await
        .json();
    assert_eq!(got["body"], "Saved {{first_name}}");
}
