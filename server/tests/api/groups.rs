//! Groups: the role matrix, the forum, membership rules and the directory, with the
//! fixture they share.

mod directory;
mod forum;
mod membership;
mod moderation;
mod near_search;
mod notifications;
mod role_matrix;

pub use crate::support::TestApp;
use app::{
    groups::{
        model::{GroupForm, GroupRole, MemberState, Notify},
        service::new_group::{create_group, NewGroup},
        tables::{forum_post, forum_thread, group_invite, group_member},
    },
    tokens::hash_token,
};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set};

/// The group form as a person would fill it in.
pub fn group_form(name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_string()),
        ("description", "Campaigning for better buses.".to_string()),
        ("topic", "transport".to_string()),
        ("postcode", "S1 2HE".to_string()),
        ("joining", "open".to_string()),
    ]
}

/// Borrowed pairs for `TestApp::call`.
pub fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Creates a group owned by `owner` through the service; returns its id.
pub async fn group_owned_by(app: &TestApp, owner: i32, name: &str, joining: &str) -> i32 {
    let new = NewGroup::parse(&GroupForm {
        name: name.into(),
        description: "A group for tests.".into(),
        topic: "local".into(),
        postcode: "S1 2HE".into(),
        joining: joining.into(),
    })
    .unwrap();
    create_group(&app.db, owner, new).await.unwrap().id
}

/// Puts `person` in the group with `role` and `state` (their stored words, such as
/// "organiser" and "pending"), as the database would hold it.
pub async fn add_member(app: &TestApp, group_id: i32, person: i32, role: &str, state: &str) {
    let role = GroupRole::parse(role).expect("a stored role");
    let state = MemberState::ALL
        .into_iter()
        .find(|s| s.as_str() == state)
        .expect("a stored membership state");
    group_member::ActiveModel {
        group_id: Set(group_id),
        person_id: Set(person),
        role: Set(role),
        state: Set(state),
        notify: Set(Notify::Never),
        digest_sent_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

/// Starts a thread by `author` directly in the database; returns its id.
pub async fn thread_by(app: &TestApp, group_id: i32, author: i32) -> i32 {
    let now = Utc::now();
    forum_thread::ActiveModel {
        group_id: Set(group_id),
        author_id: Set(author),
        title: Set("Bus routes".into()),
        pinned: Set(false),
        locked: Set(false),
        post_count: Set(0),
        last_post_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// Adds a post by `author` to a thread directly; returns its id.
pub async fn post_by(app: &TestApp, thread_id: i32, author: i32) -> i32 {
    forum_post::ActiveModel {
        thread_id: Set(thread_id),
        author_id: Set(author),
        body: Set("Hello".into()),
        body_html: Set("<p>Hello</p>".into()),
        quote_of: Set(None),
        hidden_at: Set(None),
        hidden_by: Set(None),
        deleted_at: Set(None),
        edited_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// An unused invitation to the group; returns its token.
pub async fn invite(app: &TestApp, group_id: i32, invited_by: i32) -> String {
    let token = format!("tok{}", uuid::Uuid::new_v4().simple());
    group_invite::ActiveModel {
        group_id: Set(group_id),
        email: Set("friend@example.org".into()),
        token_hash: Set(hash_token(&token)),
        invited_by: Set(invited_by),
        created_at: Set(Utc::now()),
        accepted_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    token
}

/// The id of the person with `email`.
pub async fn person_id(app: &TestApp, email: &str) -> i32 {
    app::auth::service::accounts::get_person_by_email(&app.db, email)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A group owned by Olive with Mina as a member; returns (group id, olive, mina).
pub async fn group_with_member(app: &TestApp) -> (i32, String, String) {
    let olive = app.signed_in("Olive Owner", "olive@example.org").await;
    let group = group_owned_by(
        app,
        person_id(app, "olive@example.org").await,
        "Forum group",
        "open",
    )
    .await;
    let mina = app.signed_in("Mina Member", "mina@example.org").await;
    app.call(
        "/api/groups/join",
        &[("group_id", &group.to_string())],
        Some(&mina),
    )
    .await;
    (group, olive, mina)
}

/// The thread id in a thread page address.
pub fn thread_id_from(location: &str) -> String {
    location
        .split("/threads/")
        .nth(1)
        .unwrap()
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_string()
}

/// Starts a thread in `group` as the session `who`.
pub async fn start(
    app: &TestApp,
    group: i32,
    who: &str,
    title: &str,
    body: &str,
) -> crate::support::Reply {
    app.call(
        "/api/groups/threads/new",
        &[
            ("group_id", &group.to_string()),
            ("title", title),
            ("body", body),
        ],
        Some(who),
    )
    .await
}
