//! Q&A: a webchat from scheduling to its published record, votes under concurrency and
//! merges, the live stream across two server processes, and who may call each server
//! function.

mod journey;
mod live;
mod role_matrix;
mod votes;

use crate::{
    groups::add_member,
    outreach::{official_group_in, Sender},
    support::TestApp,
};
use app::{
    auth::{model::Role, service::roles::grant_role},
    qa::service::politicians::{add_staffer, mark_politician},
};

/// A live webchat with Jo for an official group, asked by its members, scheduled through
/// the server function by the group's organiser.
pub struct Webchat {
    pub host: Sender,
    pub id: i32,
    pub jo: String,
    pub jo_id: i32,
}

impl Webchat {
    pub fn app(&self) -> &TestApp {
        &self.host.app
    }

    pub fn id(&self) -> String {
        self.id.to_string()
    }

    /// A member of the group, signed in, with a Sheffield postcode.
    pub async fn member(&self, name: &str, email: &str) -> String {
        let app = self.app();
        let session = app.signed_in(name, email).await;
        let id = app.me(Some(&session)).await["id"].as_i64().unwrap() as i32;
        add_member(app, self.host.group_id, id, "member", "active").await;
        grant_role(&app.db, id, Role::Member).await.unwrap();
        app::auth::service::directory::set_name_and_postcode(&app.db, id, name, Some("S1 2HH"))
            .await
            .unwrap();
        session
    }

    /// Asks through the server function; returns the new question's id.
    pub async fn ask(&self, session: &str, body: &str) -> i32 {
        let id = self.id();
        let asked = self
            .app()
            .call(
                "/api/qa/ask",
                &[("id", &id), ("body", body), ("topic", "")],
                Some(session),
            )
            .await;
        assert!(asked.succeeded(), "{}", asked.body);
        self.question_ids().await.into_iter().max().unwrap()
    }

    /// A moderator decision through the server function, as the host.
    pub async fn decide(
        &self,
        question: i32,
        decision: &str,
        extra: &[(&str, &str)],
    ) -> crate::support::Reply {
        let id = self.id();
        let question = question.to_string();
        let mut form = vec![
            ("id", id.as_str()),
            ("question_id", question.as_str()),
            ("decision", decision),
        ];
        form.extend_from_slice(extra);
        self.app()
            .call("/api/qa/moderate", &form, Some(&self.host.session))
            .await
    }

    pub async fn vote(
        &self,
        session: &str,
        question: i32,
        direction: &str,
    ) -> crate::support::Reply {
        let (id, question) = (self.id(), question.to_string());
        self.app()
            .call(
                "/api/qa/vote",
                &[
                    ("id", &id),
                    ("question_id", &question),
                    ("direction", direction),
                ],
                Some(session),
            )
            .await
    }

    pub async fn question_ids(&self) -> Vec<i32> {
        use app::qa::tables::question;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        question::Entity::find()
            .filter(question::Column::SessionId.eq(self.id))
            .all(&self.app().db)
            .await
            .unwrap()
            .into_iter()
            .map(|q| q.id)
            .collect()
    }

    /// The question's stored count and its vote rows.
    pub async fn votes(&self, question: i32) -> (i32, u64) {
        use app::qa::tables::{question as q, vote};
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let db = &self.app().db;
        let stored = q::Entity::find_by_id(question)
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .votes;
        let rows = vote::Entity::find()
            .filter(vote::Column::QuestionId.eq(question))
            .count(db)
            .await
            .unwrap();
        (stored, rows)
    }
}

/// A London `datetime-local` value `minutes` from now.
pub fn in_minutes(minutes: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(minutes))
        .with_timezone(&chrono_tz::Europe::London)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Schedules a webchat live now (questions opened an hour ago, the live part started a
/// few minutes ago) in `app`.
pub async fn webchat_in(app: TestApp) -> Webchat {
    let host = official_group_in(app).await;
    let app = &host.app;
    let jo = app.signed_in("Jo Evans", "jo@example.org").await;
    let jo_id = mark_politician(
        &app.db,
        "jo@example.org",
        "Jo Evans MP",
        "MP for Sheffield Central",
    )
    .await
    .unwrap();
    app.create_person("Sam Staffer", "sam.staffer@example.org")
        .await;
    add_staffer(&app.db, jo_id, "sam.staffer@example.org")
        .await
        .unwrap();
    let group = host.group_id.to_string();
    let (open, starts, ends) = (in_minutes(-60), in_minutes(-5), in_minutes(60));
    let jo_text = jo_id.to_string();
    let made = app
        .call(
            "/api/qa/create",
            &[
                ("group_id", &group),
                ("kind", "webchat"),
                ("title", "Ask Jo"),
                ("description", "An hour with Jo."),
                ("askers", "group"),
                ("readers", "anyone"),
                ("questions_open", &open),
                ("starts", &starts),
                ("ends", &ends),
                ("topics", "Housing\nTransport"),
                ("topic_cap", "2"),
                ("politician", &jo_text),
            ],
            Some(&host.session),
        )
        .await;
    assert!(made.succeeded(), "{}", made.body);
    let location = made
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_string();
    let id = location
        .trim_start_matches("/qa/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    Webchat {
        host,
        id,
        jo,
        jo_id,
    }
}

/// As `webchat_in`, on a fresh app.
pub async fn webchat() -> Webchat {
    webchat_in(TestApp::spawn().await).await
}
