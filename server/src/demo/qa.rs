//! Demo Q&As: Jo Evans MP (the demo politician) in a national webchat a fortnight ago,
//! with its published record (answered, merged, declined and not-reached questions), and
//! an upcoming forum Q&A for Sheffield Central Local Party with approved and waiting
//! questions, so a newcomer sees both.

use super::{person_view, GROUP_NAME, OWNER_EMAIL, STAFF_EMAIL};
use app::{
    auth::model::{PersonView, Role},
    auth::service::directory::emails_of,
    error::{AppError, AppResult},
    groups::{
        model::group_slug,
        service::lookups::{active_member_ids, group_ref_by_slug},
    },
    outreach::service::senders::Sender,
    qa::{
        model::{Askers, DeclineReason, Readers, SessionKind},
        policy::QaAction,
        service::{
            access::session_for,
            answers::answer,
            moderation::{decide, Decision},
            politicians::mark_politician,
            questions::ask,
            sessions::{create_session, NewSession},
            votes::vote,
        },
    },
};
use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::DatabaseConnection;

const JO_EMAIL: &str = "jo@membersnet.example";

/// Adds both sessions.
pub async fn load(db: &DatabaseConnection) -> AppResult<()> {
    let jo = mark_politician(
        db,
        JO_EMAIL,
        "Jo Evans MP",
        "Member of Parliament for Sheffield Central",
    )
    .await?;
    let staff = person_view(db, STAFF_EMAIL, vec![Role::Staff, Role::Member]).await?;
    let sam = person_view(db, "sam@membersnet.example", vec![Role::Member, Role::Host]).await?;
    let alex = person_view(db, "alex@membersnet.example", vec![]).await?;
    let priya = person_view(db, OWNER_EMAIL, vec![Role::Member, Role::Organiser]).await?;
    let jo_person = person_view(db, JO_EMAIL, vec![Role::Member, Role::Politician]).await?;
    let hour = Utc::now()
        .duration_trunc(Duration::hours(1))
        .map_err(|_| AppError::Internal)?;
    past_webchat(
        db,
        jo,
        &staff,
        &sam,
        &alex,
        &priya,
        &jo_person,
        hour - Duration::days(14),
    )
    .await?;
    upcoming_forum(db, jo, &priya, &alex, hour).await
}

fn new_session(
    kind: SessionKind,
    title: &str,
    description: &str,
    open: DateTime<Utc>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    jo: i32,
) -> NewSession {
    NewSession {
        kind,
        title: title.into(),
        description: description.into(),
        askers: Askers::Anyone,
        readers: Readers::Anyone,
        questions_open: open,
        starts,
        ends,
        topics: "Transport\nHousing\nCost of living".into(),
        topic_cap: 3,
        politicians: vec![jo],
        moderators: String::new(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn past_webchat(
    db: &DatabaseConnection,
    jo: i32,
    staff: &PersonView,
    sam: &PersonView,
    alex: &PersonView,
    priya: &PersonView,
    jo_person: &PersonView,
    starts: DateTime<Utc>,
) -> AppResult<()> {
    let sender = Sender {
        person: staff.clone(),
        group: None,
        staff: true,
    };
    let new = new_session(
        SessionKind::Webchat,
        "Ask Jo Evans MP: buses, homes and bills",
        "An hour with Jo on what matters most in Sheffield this winter.",
        starts - Duration::days(1),
        starts,
        starts + Duration::hours(1),
        jo,
    );
    let id = create_session(db, &sender, new).await?;
    let asking = starts - Duration::hours(3);
    let host = session_for(db, id, Some(staff), QaAction::Moderate).await?;
    let sam_a = session_for(db, id, Some(sam), QaAction::Ask).await?;
    let alex_a = session_for(db, id, Some(alex), QaAction::Ask).await?;
    let priya_a = session_for(db, id, Some(priya), QaAction::Ask).await?;
    let buses = ask(
        db,
        &sam_a,
        "What will you do about bus services that stop at 7pm in the evenings?",
        "Transport",
        true,
        asking,
    )
    .await?;
    decide(db, &host, buses, Decision::Approve, asking).await?;
    let homes = ask(
        db,
        &priya_a,
        "How will the new housing targets affect Sheffield's green belt?",
        "Housing",
        false,
        asking,
    )
    .await?;
    decide(db, &host, homes, Decision::Approve, asking).await?;
    let late_buses = ask(
        db,
        &alex_a,
        "When will buses run later than seven o'clock in the evening?",
        "Transport",
        false,
        asking,
    )
    .await?;
    decide(
        db,
        &host,
        late_buses,
        Decision::Merge { into: buses },
        asking,
    )
    .await?;
    let bills = ask(
        db,
        &sam_a,
        "Will the party back a cap on standing charges for energy bills?",
        "Cost of living",
        false,
        asking,
    )
    .await?;
    decide(db, &host, bills, Decision::Approve, asking).await?;
    let gossip = ask(
        db,
        &priya_a,
        "Is it true what my neighbour at number 12 says about the council?",
        "",
        false,
        asking,
    )
    .await?;
    decide(
        db,
        &host,
        gossip,
        Decision::Decline(DeclineReason::Personal),
        asking,
    )
    .await?;
    for (who, question) in [
        (&alex_a, buses),
        (&priya_a, buses),
        (&sam_a, homes),
        (&alex_a, homes),
        (&priya_a, bills),
    ] {
        vote(db, who, question, asking).await?;
    }
    let desk = session_for(db, id, Some(jo_person), QaAction::Answer).await?;
    answer(db, &desk, buses, jo, "I have asked the combined authority to fund evening services on the busiest routes from April, and I will keep pressing until the 52 and 120 run past ten.", starts + Duration::minutes(10)).await?;
    answer(db, &desk, homes, jo, "The green belt is not up for grabs: there is room for 4,000 homes on brownfield land in the city centre first.", starts + Duration::minutes(25)).await?;
    Ok(())
}

async fn upcoming_forum(
    db: &DatabaseConnection,
    jo: i32,
    priya: &PersonView,
    alex: &PersonView,
    hour: DateTime<Utc>,
) -> AppResult<()> {
    let group = group_ref_by_slug(db, &group_slug(GROUP_NAME))
        .await?
        .ok_or(AppError::NotFound)?;
    let group_id = group.id;
    let sender = Sender {
        person: priya.clone(),
        group: Some(group),
        staff: false,
    };
    let new = new_session(
        SessionKind::Forum,
        "Forum Q&A with Jo: the local plan",
        "Jo answers in writing over a week. Ask now, and vote for the questions you want answered first.",
        hour - Duration::days(1),
        hour + Duration::days(3),
        hour + Duration::days(10),
        jo,
    );
    let id = create_session(db, &sender, new).await?;
    let now = Utc::now();
    let host = session_for(db, id, Some(priya), QaAction::Moderate).await?;
    // Sam organises the group, so he runs this one rather than asking: Alex and two of
    // the group's other members ask.
    let others = emails_of(db, active_member_ids(group_id)).await?;
    let mut askers = vec![session_for(db, id, Some(alex), QaAction::Ask).await?];
    for email in others
        .iter()
        .filter(|e| !e.ends_with("@membersnet.example"))
        .take(2)
    {
        let member = person_view(db, email, vec![Role::Member]).await?;
        if let Ok(access) = session_for(db, id, Some(&member), QaAction::Ask).await {
            askers.push(access);
        }
    }
    let approved = [
        (
            "Will the local plan protect the parks along the Porter Brook?",
            "Housing",
        ),
        (
            "Is there a date yet for extending the tram to Hillsborough?",
            "Transport",
        ),
    ];
    let waiting = [
        (
            "How many of the new homes will be for social rent?",
            "Housing",
        ),
        (
            "Can cycle lanes on Ecclesall Road be separated from traffic?",
            "Transport",
        ),
    ];
    let mut shown = Vec::new();
    for (n, (body, topic)) in approved.iter().enumerate() {
        let asked = ask(db, &askers[n % askers.len()], body, topic, n == 1, now).await?;
        decide(db, &host, asked, Decision::Approve, now).await?;
        shown.push(asked);
    }
    for (n, (body, topic)) in waiting.iter().enumerate() {
        ask(db, &askers[(n + 1) % askers.len()], body, topic, false, now).await?;
    }
    if askers.len() > 1 {
        vote(db, &askers[1], shown[0], now).await?;
    }
    Ok(())
}
