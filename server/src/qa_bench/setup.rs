//! The bench's webchat: a politician, approved questions, and members signed in.

use crate::{commands::BoxError, phonebank_bench::account};
use app::{
    auth::{
        model::{PersonView, Role},
        service::{accounts::start_session, roles::grant_role},
    },
    outreach::service::senders::Sender,
    qa::{
        model::{Askers, Readers, SessionKind},
        policy::QaAction,
        service::{
            access::session_for,
            moderation::{decide, Decision},
            politicians::mark_politician,
            questions::ask,
            sessions::{create_session, NewSession},
        },
    },
};
use chrono::{Duration as Span, Utc};
use sea_orm::DatabaseConnection;

/// Questions the votes are spread over.
pub const QUESTIONS: usize = 40;

#[derive(Clone)]
pub struct Setup {
    pub session: i32,
    pub politician: i32,
    pub politician_session: String,
    pub members: Vec<String>,
    pub to_vote: Vec<i32>,
    pub to_answer: Vec<i32>,
}

/// The webchat, its politician, approved questions, and members signed in.
pub async fn setup(
    db: &DatabaseConnection,
    members: usize,
    answers: usize,
) -> Result<Setup, BoxError> {
    let suffix = Utc::now().timestamp();
    let staff = account(
        db,
        "Bench Staff",
        &format!("staff-{suffix}@bench-qa.example"),
    )
    .await?;
    grant_role(db, staff.id, Role::Staff).await?;
    let staff = PersonView {
        roles: vec![Role::Staff],
        ..staff
    };
    let jo_email = format!("jo-{suffix}@bench-qa.example");
    let jo = account(db, "Jo Bench", &jo_email).await?;
    let politician = mark_politician(db, &jo_email, "Jo Bench MP", "Bench").await?;
    let now = Utc::now();
    let new = NewSession {
        kind: SessionKind::Webchat,
        title: format!("Bench webchat {suffix}"),
        description: String::new(),
        askers: Askers::Anyone,
        readers: Readers::Anyone,
        questions_open: now - Span::hours(1),
        starts: now - Span::minutes(1),
        ends: now + Span::hours(3),
        topics: String::new(),
        topic_cap: 0,
        politicians: vec![politician],
        moderators: String::new(),
    };
    let session = create_session(
        db,
        &Sender {
            person: staff.clone(),
            group: None,
            staff: true,
        },
        new,
    )
    .await?;
    let host = session_for(db, session, Some(&staff), QaAction::Moderate).await?;
    let mut people = Vec::new();
    let mut tokens = Vec::new();
    for i in 0..members.max(QUESTIONS + answers) {
        let person = account(
            db,
            &format!("Member {i}"),
            &format!("m{i}-{suffix}@bench-qa.example"),
        )
        .await?;
        tokens.push(start_session(db, person.id, None, None).await?);
        people.push(person);
    }
    let mut asked = Vec::new();
    for (i, person) in people.iter().take(QUESTIONS + answers).enumerate() {
        let access = session_for(db, session, Some(person), QaAction::Ask).await?;
        let id = ask(
            db,
            &access,
            &format!("Bench question number {i}, about buses?"),
            "",
            false,
            now,
        )
        .await?;
        decide(db, &host, id, Decision::Approve, now).await?;
        asked.push(id);
    }
    Ok(Setup {
        session,
        politician,
        politician_session: start_session(db, jo.id, None, None).await?,
        members: tokens,
        to_vote: asked[..QUESTIONS].to_vec(),
        to_answer: asked[QUESTIONS..].to_vec(),
    })
}
