//! Phonebanks: making one from an audience, calling with the survey, the dashboard and
//! CSV, the rules that must hold (TPS, do-not-call, calling hours, replays), leasing
//! under 200 concurrent callers, and who may call each server function.

mod bridged;
mod dashboard;
mod journey;
mod leasing;
mod role_matrix;
mod rules;

pub use crate::outreach::{consent, member, official_group_in, Sender};
use app::{
    consent::model::{Channel, Scope},
    phonebank::{hours::CallingWindow, service::set_calling_window},
};

/// The survey every test phonebank asks.
pub const SURVEY: &str = "* yes/no: Can we count on your vote?\nchoice: How will you vote? | In person | By post | if 1 = yes";

/// A number for the `n`th contact.
pub fn number(n: usize) -> String {
    format!("+4477009{n:05}")
}

/// An official group whose `n` members agreed to the group's calls, calling open all day
/// every day (so the tests pass at any hour), and a phonebank for them made through the
/// server function; returns the organiser's fixture and the phonebank's id.
pub async fn phonebank_with(n: usize) -> (Sender, i32) {
    phonebank_in(crate::support::TestApp::spawn().await, n).await
}

/// As `phonebank_with`, in `app`.
pub async fn phonebank_in(app: crate::support::TestApp, n: usize) -> (Sender, i32) {
    let sender = official_group_in(app).await;
    let app = &sender.app;
    let all_day = CallingWindow::parse("00:00-24:00,00:00-24:00").unwrap();
    set_calling_window(&app.db, all_day).await.unwrap();
    for i in 0..n {
        let email = member(
            &sender,
            &format!("Contact {i} Person"),
            &format!("contact{i}@example.org"),
        )
        .await;
        consent(
            app,
            &email,
            Channel::Phone,
            Scope::Group(sender.group_id),
            true,
            Some(&number(i)),
        )
        .await;
    }
    let id = create(&sender, &[]).await;
    (sender, id)
}

/// Makes a phonebank for the sender's group's members through the server function, with
/// `changes` to the usual form; returns its id.
pub async fn create(sender: &Sender, changes: &[(&'static str, &str)]) -> i32 {
    let today = chrono::Utc::now().date_naive();
    let mut form: Vec<(&str, String)> = vec![
        ("group_id", sender.group_id.to_string()),
        ("name", "Get out the vote".into()),
        ("purpose", "Ask members how they will vote".into()),
        ("script", "Hello {{first_name}}, I'm {{caller_first_name}} from {{group_name}}.\n## Ask\nCan we count on you?".into()),
        ("survey", SURVEY.into()),
        ("audience", "members".into()),
        ("callers", "members".into()),
        ("opens_on", today.pred_opt().unwrap().to_string()),
        ("closes_on", (today + chrono::Duration::days(30)).to_string()),
        ("daily_from", "00:00".into()),
        ("daily_until", "24:00".into()),
    ];
    for (key, value) in changes {
        form.retain(|(k, _)| k != key);
        form.push((key, value.to_string()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let made = sender
        .app
        .call("/api/phonebanks/create", &pairs, Some(&sender.session))
        .await;
    assert!(made.succeeded(), "{}", made.body);
    let location = made
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("sent on to the dashboard")
        .to_string();
    location
        .trim_start_matches("/phonebanks/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}
