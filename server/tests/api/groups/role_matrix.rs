//! The role matrix: every group server function called as each standing, compared with
//! the policy table in `app::groups::policy`.

mod cast;

use super::TestApp;
use app::groups::policy::GroupAction;
use axum::http::StatusCode;
use cast::{Cast, Fixture, Persona, PERSONAS};

/// Who a server function is for.
#[derive(Clone, Copy)]
enum Rule {
    Policy(GroupAction),
    Anyone,
    SignedIn,
    SignedInNotBanned,
}

impl Rule {
    fn allows(self, persona: Persona) -> bool {
        match self {
            Rule::Policy(action) => persona.access().may(action),
            Rule::Anyone => true,
            Rule::SignedIn => persona != Persona::Anonymous,
            Rule::SignedInNotBanned => !matches!(persona, Persona::Anonymous | Persona::Banned),
        }
    }
}

type Request = fn(&Fixture, &Cast, Persona) -> (&'static str, Vec<(&'static str, String)>);

/// Every group server function, the rule it follows and a request for it.
fn cases() -> Vec<(&'static str, Rule, Request)> {
    use GroupAction::*;
    vec![
        ("list", Rule::Anyone, |_, _, _| ("/api/groups/list", vec![])),
        ("get", Rule::Anyone, |_, _, _| {
            ("/api/groups/get", vec![("slug", "matrix-1".into())])
        }),
        ("create", Rule::SignedIn, |_, _, p| {
            (
                "/api/groups/create",
                super::group_form(&format!("Made by {p:?}")),
            )
        }),
        ("verify", Rule::Policy(MarkVerified), |f, _, _| {
            (
                "/api/groups/verify",
                vec![
                    ("group_id", f.group.to_string()),
                    ("verified", "yes".into()),
                ],
            )
        }),
        ("join", Rule::Policy(Join), |f, _, _| {
            ("/api/groups/join", vec![("group_id", f.group.to_string())])
        }),
        ("leave", Rule::Policy(Leave), |f, _, _| {
            ("/api/groups/leave", vec![("group_id", f.group.to_string())])
        }),
        ("decide", Rule::Policy(ManageMembers), |f, c, _| {
            (
                "/api/groups/requests/decide",
                vec![
                    ("group_id", f.group.to_string()),
                    ("person_id", c.applicant.to_string()),
                    ("decision", "approve".into()),
                ],
            )
        }),
        ("invite", Rule::Policy(ManageMembers), |f, _, _| {
            (
                "/api/groups/invite",
                vec![
                    ("group_id", f.group.to_string()),
                    ("invite_email", "new@example.org".into()),
                ],
            )
        }),
        ("invite/get", Rule::Anyone, |f, _, _| {
            (
                "/api/groups/invite/get",
                vec![("token", f.invite_token.clone())],
            )
        }),
        ("invite/accept", Rule::SignedInNotBanned, |f, _, _| {
            (
                "/api/groups/invite/accept",
                vec![("token", f.invite_token.clone())],
            )
        }),
        ("role", Rule::Policy(ManageMembers), |f, c, _| {
            (
                "/api/groups/members/role",
                vec![
                    ("group_id", f.group.to_string()),
                    ("person_id", c.victim.to_string()),
                    ("role", "organiser".into()),
                ],
            )
        }),
        ("remove", Rule::Policy(Moderate), |f, c, _| {
            (
                "/api/groups/members/remove",
                vec![
                    ("group_id", f.group.to_string()),
                    ("person_id", c.victim.to_string()),
                ],
            )
        }),
        ("ban", Rule::Policy(Moderate), |f, c, _| {
            (
                "/api/groups/members/ban",
                vec![
                    ("group_id", f.group.to_string()),
                    ("person_id", c.victim.to_string()),
                ],
            )
        }),
        ("notify", Rule::Policy(ChooseNotifications), |f, _, _| {
            (
                "/api/groups/notify",
                vec![("group_id", f.group.to_string()), ("notify", "each".into())],
            )
        }),
        ("thread", Rule::Policy(ReadForum), |f, _, _| {
            (
                "/api/groups/thread",
                vec![("thread_id", f.thread.to_string())],
            )
        }),
        ("threads/new", Rule::Policy(StartThread), |f, _, _| {
            (
                "/api/groups/threads/new",
                vec![
                    ("group_id", f.group.to_string()),
                    ("title", "Leaflets".into()),
                    ("body", "Who has some?".into()),
                ],
            )
        }),
        ("threads/reply", Rule::Policy(Reply), |f, _, _| {
            (
                "/api/groups/threads/reply",
                vec![("thread_id", f.thread.to_string()), ("body", "Me!".into())],
            )
        }),
        ("posts/edit", Rule::Policy(EditOwnPost), |f, _, p| {
            (
                "/api/groups/posts/edit",
                vec![
                    ("post_id", f.own_post(p).to_string()),
                    ("body", "Edited".into()),
                ],
            )
        }),
        ("posts/delete", Rule::Policy(EditOwnPost), |f, _, p| {
            (
                "/api/groups/posts/delete",
                vec![("post_id", f.own_post(p).to_string())],
            )
        }),
        ("posts/report", Rule::Policy(ReportPost), |f, _, _| {
            (
                "/api/groups/posts/report",
                vec![
                    ("post_id", f.victim_post.to_string()),
                    ("reason", "Rude".into()),
                ],
            )
        }),
        ("posts/hide", Rule::Policy(Moderate), |f, _, _| {
            (
                "/api/groups/posts/hide",
                vec![
                    ("post_id", f.victim_post.to_string()),
                    ("hidden", "yes".into()),
                ],
            )
        }),
        ("threads/pin", Rule::Policy(Moderate), |f, _, _| {
            (
                "/api/groups/threads/pin",
                vec![
                    ("thread_id", f.thread.to_string()),
                    ("pinned", "yes".into()),
                ],
            )
        }),
        ("threads/lock", Rule::Policy(Moderate), |f, _, _| {
            (
                "/api/groups/threads/lock",
                vec![
                    ("thread_id", f.thread.to_string()),
                    ("locked", "yes".into()),
                ],
            )
        }),
        ("group event", Rule::Policy(HostGroupEvent), |f, _, _| {
            let mut form: Vec<(&'static str, String)> =
                crate::events::event_form("Group canvass", "");
            form.push(("group_id", f.group.to_string()));
            ("/api/events/create", form)
        }),
    ]
}

/// Refusals that come from a rule beyond the table: the only owner cannot leave.
const RULE_REFUSALS: [(&str, Persona); 1] = [("leave", Persona::Owner)];

#[tokio::test]
async fn every_group_server_function_follows_the_role_table() {
    let app = TestApp::spawn().await;
    let cast = Cast::new(&app).await;
    let mut wrong = Vec::new();
    let mut n = 0;
    for (name, rule, request) in cases() {
        for persona in PERSONAS {
            n += 1;
            let fixture = Fixture::new(&app, &cast, n).await;
            let (path, form) = request(&fixture, &cast, persona);
            let reply = app
                .call(path, &super::pairs(&form), cast.token(persona))
                .await;
            let status = reply.status;
            let ok = if RULE_REFUSALS.contains(&(name, persona)) {
                status == StatusCode::CONFLICT
            } else if rule.allows(persona) {
                reply.succeeded()
            } else if persona == Persona::Anonymous {
                status == StatusCode::UNAUTHORIZED
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !ok {
                wrong.push(format!("{name} as {persona:?}: {status} {}", reply.body));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "calls that broke the table:\n{}",
        wrong.join("\n")
    );
}
