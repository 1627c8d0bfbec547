//! The role matrix: every phonebank server function called as each standing, compared
//! with the policy table in `app::phonebank::policy`.

use super::{create, phonebank_with};
use crate::groups::add_member;
use app::phonebank::policy::{allows, PhonebankAction, Standing};
use axum::http::StatusCode;

/// Who a server function is for.
#[derive(Clone, Copy, Debug)]
enum Rule {
    Policy(PhonebankAction),
    SignedIn,
    /// Organisers of the group (and staff): making phonebanks.
    Organisers,
    Staff,
}

impl Rule {
    fn allows(self, standing: Standing) -> bool {
        match self {
            Rule::Policy(action) => allows(standing, action),
            Rule::SignedIn => standing != Standing::Anonymous,
            Rule::Organisers => matches!(standing, Standing::Organiser | Standing::Staff),
            Rule::Staff => standing == Standing::Staff,
        }
    }
}

/// A server function's path, its rule and a request for it.
type Case<'a> = (&'static str, Rule, Vec<(&'static str, &'a str)>);

const STANDINGS: [Standing; 6] = [
    Standing::Anonymous,
    Standing::Stranger,
    Standing::Member,
    Standing::Caller,
    Standing::Organiser,
    Standing::Staff,
];

#[tokio::test]
async fn every_phonebank_server_function_answers_each_standing_as_the_policy_says() {
    let (sender, _) = phonebank_with(2).await;
    let app = &sender.app;
    // Callers come by link only, so a member who has not followed it stands as a member.
    let id = create(&sender, &[("callers", "link")]).await.to_string();
    let group = sender.group_id.to_string();
    let board = app
        .call(
            "/api/phonebanks/dashboard",
            &[("id", &id)],
            Some(&sender.session),
        )
        .await
        .json();
    let token = board["join_link"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();

    let stranger = app.signed_in("Stu Stranger", "stu@example.org").await;
    let member = app.signed_in("Meg Member", "meg@example.org").await;
    let meg = app.me(Some(&member)).await["id"].as_i64().unwrap() as i32;
    add_member(app, sender.group_id, meg, "member", "active").await;
    let caller = app.signed_in("Cal Caller", "cal@example.org").await;
    assert!(app
        .call("/api/phonebanks/join", &[("token", &token)], Some(&caller))
        .await
        .succeeded());
    let staff = app.signed_in_staff().await;
    let session = |standing: Standing| match standing {
        Standing::Anonymous => None,
        Standing::Stranger => Some(stranger.clone()),
        Standing::Member => Some(member.clone()),
        Standing::Caller => Some(caller.clone()),
        Standing::Organiser => Some(sender.session.clone()),
        Standing::Staff => Some(staff.clone()),
    };

    use PhonebankAction::*;
    let lease = [
        ("phonebank_id", id.as_str()),
        ("contact_id", "999999"),
        ("lease", "1"),
    ];
    let cases: Vec<Case> = vec![
        ("/api/phonebanks/list", Rule::SignedIn, vec![]),
        (
            "/api/phonebanks/new-form",
            Rule::Organisers,
            vec![("group_id", &group)],
        ),
        (
            "/api/phonebanks/dashboard",
            Rule::Policy(Organise),
            vec![("id", &id)],
        ),
        (
            "/api/phonebanks/status",
            Rule::Policy(Organise),
            vec![("id", &id), ("status", "open")],
        ),
        (
            "/api/phonebanks/correct",
            Rule::Policy(Organise),
            vec![("id", &id), ("call_id", "999999"), ("outcome", "talked")],
        ),
        (
            "/api/phonebanks/call",
            Rule::Policy(Call),
            vec![("id", &id)],
        ),
        (
            "/api/phonebanks/save-call",
            Rule::Policy(Call),
            [lease.as_slice(), &[("call_key", "k"), ("outcome", "busy")]].concat(),
        ),
        ("/api/phonebanks/bridge", Rule::Policy(Call), lease.to_vec()),
        ("/api/phonebanks/skip", Rule::Policy(Call), lease.to_vec()),
        (
            "/api/phonebanks/check-in",
            Rule::Policy(Call),
            lease.to_vec(),
        ),
        (
            "/api/phonebanks/guide-read",
            Rule::Policy(Call),
            vec![("phonebank_id", &id)],
        ),
        (
            "/api/phonebanks/join",
            Rule::SignedIn,
            vec![("token", &token)],
        ),
        ("/api/phonebanks/rules", Rule::Staff, vec![]),
        (
            "/api/phonebanks/tps",
            Rule::Staff,
            vec![("screened_on", "2000-01-01"), ("file", "")],
        ),
        (
            "/api/phonebanks/window",
            Rule::Staff,
            vec![
                ("weekdays_from", "00:00"),
                ("weekdays_until", "24:00"),
                ("sunday_from", "00:00"),
                ("sunday_until", "24:00"),
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (path, rule, form) in &cases {
        for standing in STANDINGS {
            let reply = app.call(path, form, session(standing).as_deref()).await;
            let let_in = !matches!(
                reply.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            );
            if let_in != rule.allows(standing) {
                wrong.push(format!(
                    "{path} as {standing:?}: {} {}",
                    reply.status, reply.body
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
