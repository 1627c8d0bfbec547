//! The role matrix: every Q&A server function called as politician, staffer, host,
//! moderator, member, non-member, stranger, staff and anonymous, compared with the policy
//! table in `app::qa::policy`.

use super::webchat;
use app::{
    auth::{model::Role, service::roles::grant_role},
    qa::policy::{allows, QaAction, Standing},
};
use axum::http::StatusCode;

/// The people of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Person {
    Politician,
    Staffer,
    Host,
    Moderator,
    Member,
    NonMember,
    Stranger,
    Staff,
    Anonymous,
}

impl Person {
    /// How the policy sees them in the fixture's session (asked by the group's members).
    fn standing(self) -> Standing {
        match self {
            Person::Politician | Person::Staffer => Standing::Answerer,
            Person::Host => Standing::Host,
            Person::Moderator => Standing::Moderator,
            Person::Member => Standing::Asker,
            Person::NonMember | Person::Stranger => Standing::Reader,
            Person::Staff => Standing::Staff,
            Person::Anonymous => Standing::Anonymous,
        }
    }
}

const PEOPLE: [Person; 9] = [
    Person::Politician,
    Person::Staffer,
    Person::Host,
    Person::Moderator,
    Person::Member,
    Person::NonMember,
    Person::Stranger,
    Person::Staff,
    Person::Anonymous,
];

/// Who a server function is for.
#[derive(Clone, Copy, Debug)]
enum Rule {
    Policy(QaAction),
    Anyone,
    /// Organisers of the group (and staff): scheduling.
    Hosts,
    Staff,
}

impl Rule {
    fn allows(self, person: Person) -> bool {
        match self {
            Rule::Policy(action) => allows(person.standing(), action),
            Rule::Anyone => true,
            Rule::Hosts => matches!(person, Person::Host | Person::Staff),
            Rule::Staff => person == Person::Staff,
        }
    }
}

/// A server function's path, its rule and a request for it.
type Case<'a> = (&'static str, Rule, Vec<(&'static str, &'a str)>);

#[tokio::test]
async fn every_qa_server_function_answers_each_person_as_the_policy_says() {
    let chat = webchat().await;
    let app = chat.app();
    let id = chat.id();
    let group = chat.host.group_id.to_string();
    let member = chat.member("Meg Member", "meg@example.org").await;
    let question = chat
        .ask(&member, "What will you do about buses that stop at seven?")
        .await
        .to_string();
    let moderator = app.signed_in("Mo Moderator", "mo@example.org").await;
    assert!(app
        .call(
            "/api/qa/moderators",
            &[("id", &id), ("email", "mo@example.org")],
            Some(&chat.host.session)
        )
        .await
        .succeeded());
    let non_member = app.signed_in("Nina Nonmember", "nina@example.org").await;
    let nina = app.me(Some(&non_member)).await["id"].as_i64().unwrap() as i32;
    grant_role(&app.db, nina, Role::Member).await.unwrap();
    let stranger = app.signed_in("Stu Stranger", "stu@example.org").await;
    let staffer = app
        .sign_in("sam.staffer@example.org", crate::support::PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let staff = app.signed_in_staff().await;
    let session = |person: Person| match person {
        Person::Politician => Some(chat.jo.clone()),
        Person::Staffer => Some(staffer.clone()),
        Person::Host => Some(chat.host.session.clone()),
        Person::Moderator => Some(moderator.clone()),
        Person::Member => Some(member.clone()),
        Person::NonMember => Some(non_member.clone()),
        Person::Stranger => Some(stranger.clone()),
        Person::Staff => Some(staff.clone()),
        Person::Anonymous => None,
    };
    let jo = chat.jo_id.to_string();
    use QaAction::*;
    // Requests that are let in but fail on their content still show the door was open:
    // only 401 and 403 count as turned away.
    let cases: Vec<Case> = vec![
        ("/api/qa/list", Rule::Anyone, vec![]),
        ("/api/qa/session", Rule::Anyone, vec![("id", &id)]),
        (
            "/api/qa/ask",
            Rule::Policy(Ask),
            vec![("id", &id), ("body", "")],
        ),
        (
            "/api/qa/withdraw",
            Rule::Policy(Ask),
            vec![("id", &id), ("question_id", "999999")],
        ),
        (
            "/api/qa/vote",
            Rule::Policy(Ask),
            vec![("id", &id), ("question_id", "999999"), ("direction", "up")],
        ),
        (
            "/api/qa/report",
            Rule::Policy(Report),
            vec![("id", &id), ("question_id", "999999"), ("reason", "")],
        ),
        ("/api/qa/queue", Rule::Policy(Moderate), vec![("id", &id)]),
        (
            "/api/qa/moderate",
            Rule::Policy(Moderate),
            vec![
                ("id", &id),
                ("question_id", &question),
                ("decision", "nothing"),
            ],
        ),
        (
            "/api/qa/hide-answer",
            Rule::Policy(Moderate),
            vec![("id", &id), ("answer_id", "999999"), ("decision", "hide")],
        ),
        (
            "/api/qa/resolve",
            Rule::Policy(Moderate),
            vec![("id", &id), ("report_id", "999999")],
        ),
        ("/api/qa/desk", Rule::Policy(Answer), vec![("id", &id)]),
        (
            "/api/qa/answer",
            Rule::Policy(Answer),
            vec![
                ("id", &id),
                ("question_id", "999999"),
                ("politician_id", &jo),
                ("body", ""),
            ],
        ),
        ("/api/qa/new-form", Rule::Hosts, vec![("group_id", &group)]),
        (
            "/api/qa/create",
            Rule::Hosts,
            vec![
                ("group_id", &group),
                ("kind", "nothing"),
                ("title", ""),
                ("description", ""),
                ("askers", ""),
                ("questions_open", ""),
                ("starts", ""),
                ("ends", ""),
            ],
        ),
        (
            "/api/qa/moderators",
            Rule::Policy(Manage),
            vec![("id", &id), ("email", "not an address")],
        ),
        (
            "/api/qa/topic-cap",
            Rule::Policy(Manage),
            vec![("id", &id), ("topic_cap", "99")],
        ),
        ("/api/qa/politicians", Rule::Staff, vec![]),
        (
            "/api/qa/mark-politician",
            Rule::Staff,
            vec![
                ("email", "nobody@example.org"),
                ("public_name", "X"),
                ("title", ""),
            ],
        ),
        (
            "/api/qa/add-staffer",
            Rule::Staff,
            vec![("politician", "999999"), ("email", "nobody@example.org")],
        ),
        // Last: closing changes what the others see.
        (
            "/api/qa/close",
            Rule::Policy(Manage),
            vec![("id", "999999")],
        ),
    ];
    let mut wrong = Vec::new();
    for (path, rule, form) in &cases {
        for person in PEOPLE {
            let reply = app.call(path, form, session(person).as_deref()).await;
            let let_in = !matches!(
                reply.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            );
            let expected = match (path, person) {
                // A session that does not exist is not found for everyone signed in.
                (&"/api/qa/close", Person::Anonymous) => false,
                (&"/api/qa/close", _) => true,
                _ => rule.allows(person),
            };
            if let_in != expected {
                wrong.push(format!(
                    "{path} as {person:?}: {} {}",
                    reply.status, reply.body
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // And closing the real session: hosts and staff only.
    for person in PEOPLE {
        let reply = app
            .call("/api/qa/close", &[("id", &id)], session(person).as_deref())
            .await;
        let let_in = !matches!(
            reply.status,
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        );
        assert_eq!(
            let_in,
            allows(person.standing(), Manage),
            "close as {person:?}: {}",
            reply.body
        );
    }
}
