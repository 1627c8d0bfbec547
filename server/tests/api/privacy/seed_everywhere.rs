//! A person with data in every table the registry lists, for the download and erasure
//! tests (`everything.rs`).

use crate::{
    events::event_hosted_by,
    groups::{group_owned_by, post_by, thread_by},
    support::{TestApp, PASSWORD},
};
use app::{
    auth::{model::Role, service::roles::grant_role},
    consent::model::PARTY_SCOPE,
    consent::service::{record_consent, Channel, ConsentChoice},
    events::service::signups::{sign_up, SignUpDetails},
    mail::{queue_email, queue_text, suppressions::suppress},
    personal_data::access_log::{record, Viewed, Viewing},
};
use chrono::{Duration, Utc};
use sea_orm::{
    sea_query::{Alias, Query, SimpleExpr},
    ConnectionTrait, Statement, Value,
};

pub const NAME: &str = "Zebedee Quux";
pub const EMAIL: &str = "zebedee@example.org";
pub const MOBILE: &str = "+447700900123";

/// Inserts a row by column name, for tables no public flow reaches directly.
pub async fn insert(app: &TestApp, table: &str, values: Vec<(&str, Value)>) {
    let (columns, values): (Vec<_>, Vec<_>) = values.into_iter().unzip();
    let query = Query::insert()
        .into_table(Alias::new(table))
        .columns(columns.into_iter().map(Alias::new))
        .values_panic(values.into_iter().map(SimpleExpr::from))
        .to_owned();
    let statement = app.db.get_database_backend().build(&query);
    app.db
        .execute_raw(statement)
        .await
        .unwrap_or_else(|e| panic!("{table}: {e}"));
}

fn at(offset_hours: i64) -> Value {
    (Utc::now() + Duration::hours(offset_hours)).into()
}

/// The subject and their world: returns (their id, their session, another person's id).
pub async fn seed_everywhere(app: &TestApp) -> (i32, String, i32) {
    let session = app.signed_in(NAME, EMAIL).await;
    let me = app::auth::service::accounts::get_person_by_email(&app.db, EMAIL)
        .await
        .unwrap()
        .unwrap()
        .id;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "UPDATE people SET mobile = '{MOBILE}', mobile_confirmed_at = created_at, postcode = 'M1 1AE' WHERE id = {me}"
            ),
        ))
        .await
        .unwrap();
    let other = app.create_person("Olive Other", "olive@example.org").await;
    let third = app.create_person("Theo Third", "theo@example.org").await;
    grant_role(&app.db, me, Role::Member).await.unwrap();
    // A wrong password leaves sign-in limits under the address.
    app.sign_in(EMAIL, "not the password").await;
    for table in ["password_resets", "email_confirmations"] {
        insert(
            app,
            table,
            vec![
                ("person_id", me.into()),
                ("token_hash", format!("{table}-hash").into()),
                ("created_at", at(0)),
                ("expires_at", at(1)),
            ],
        )
        .await;
    }
    insert(
        app,
        "mobile_confirmations",
        vec![
            ("person_id", me.into()),
            ("mobile", MOBILE.into()),
            ("code_hash", "code-hash".into()),
            ("wrong_tries", 0.into()),
            ("expires_at", at(1)),
            ("created_at", at(0)),
        ],
    )
    .await;

    // Consent: yes to party emails, and an objection to texts.
    for (channel, granted, phone) in [
        (Channel::Email, true, None),
        (Channel::Sms, false, Some(MOBILE)),
    ] {
        record_consent(
            &app.db,
            ConsentChoice {
                email: EMAIL,
                person_id: Some(me),
                channel,
                scope: PARTY_SCOPE,
                granted,
                wording: "Email me about the party's campaigns",
                source: "preferences",
                phone,
            },
        )
        .await
        .unwrap();
    }
    insert(
        app,
        "consent_confirmations",
        vec![
            ("token_hash", "consent-hash".into()),
            ("email", EMAIL.into()),
            ("person_id", me.into()),
            ("channel", "email".into()),
            ("scope", PARTY_SCOPE.to_string().into()),
            ("wording", "Email me".into()),
            ("source", "event-signup".into()),
            ("created_at", at(0)),
            ("expires_at", at(1)),
        ],
    )
    .await;

    // Events: a member sign-up, a guest sign-up under the address, one they referred,
    // one they host and one they co-host.
    let (event, slot) = event_hosted_by(app, other, "").await;
    let signed = app
        .call(
            "/api/events/sign-up",
            &[("slot_id", &slot.to_string())],
            Some(&session),
        )
        .await;
    assert!(signed.succeeded(), "{}", signed.body);
    let (_, slot2) = event_hosted_by(app, other, "").await;
    let guest = SignUpDetails::parse(NAME, EMAIL, MOBILE, "M1 1AE", false, false).unwrap();
    sign_up(&app.db, slot2, &guest, "http://x").await.unwrap();
    let referred =
        SignUpDetails::parse("Rita Referred", "rita@example.org", "", "", false, false).unwrap();
    sign_up(&app.db, slot2, &referred, "http://x")
        .await
        .unwrap();
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("UPDATE signups SET referrer_id = {me} WHERE email = 'rita@example.org'"),
        ))
        .await
        .unwrap();
    event_hosted_by(app, me, "").await;
    insert(
        app,
        "event_cohosts",
        vec![
            ("event_id", event.into()),
            ("person_id", me.into()),
            ("created_at", at(0)),
        ],
    )
    .await;

    // Groups: one they started; in another, a thread of theirs nobody answered, a post
    // someone replied after, a post they hid and one they reported; invitations both ways.
    let mine = group_owned_by(app, me, "Ancoats Campaigners", "open").await;
    let theirs = group_owned_by(app, other, "Olive's Group", "open").await;
    crate::groups::add_member(app, theirs, me, "member", "active").await;
    let lonely = thread_by(app, theirs, me).await;
    post_by(app, lonely, me).await;
    let busy = thread_by(app, theirs, other).await;
    post_by(app, busy, other).await;
    let answered = post_by(app, busy, me).await;
    let reply = post_by(app, busy, other).await;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!("UPDATE forum_posts SET body = 'Thanks, Zebedee Quux, see you Saturday', hidden_by = {me} WHERE id IN ({answered}, {reply})"),
        ))
        .await
        .unwrap();
    insert(
        app,
        "forum_reports",
        vec![
            ("post_id", reply.into()),
            ("reporter_id", me.into()),
            ("reason", "Rude".into()),
            ("created_at", at(0)),
        ],
    )
    .await;
    for (group, email, by) in [(mine, "guest@example.org", me), (theirs, EMAIL, other)] {
        insert(
            app,
            "group_invites",
            vec![
                ("group_id", group.into()),
                ("email", email.into()),
                ("token_hash", format!("invite-{group}").into()),
                ("invited_by", by.into()),
                ("created_at", at(0)),
            ],
        )
        .await;
    }

    // People: a friend, a block each way, invitations both ways.
    let (low, high) = (me.min(other), me.max(other));
    insert(
        app,
        "friendships",
        vec![
            ("low_id", low.into()),
            ("high_id", high.into()),
            ("requested_by", me.into()),
            ("state", "accepted".into()),
            ("created_at", at(0)),
        ],
    )
    .await;
    for (blocker, blocked) in [(me, third), (third, me)] {
        insert(
            app,
            "blocks",
            vec![
                ("blocker_id", blocker.into()),
                ("blocked_id", blocked.into()),
                ("created_at", at(0)),
            ],
        )
        .await;
    }
    for (inviter, email) in [(me, "pal@example.org"), (other, EMAIL)] {
        insert(
            app,
            "friend_invites",
            vec![
                ("inviter_id", inviter.into()),
                ("email", email.into()),
                ("token_hash", format!("friend-{inviter}").into()),
                ("created_at", at(0)),
            ],
        )
        .await;
    }

    // Mail: emails and texts to them, one to someone else naming them, a suppression.
    queue_email(&app.db, EMAIL, "Your place", "See you there")
        .await
        .unwrap();
    queue_email(
        &app.db,
        "olive@example.org",
        "Zebedee Quux signed up",
        "Zebedee Quux is coming",
    )
    .await
    .unwrap();
    queue_text(&app.db, MOBILE, "See you there", Utc::now())
        .await
        .unwrap();
    suppress(
        &app.db,
        Channel::Email,
        EMAIL,
        "bounced",
        "550 mailbox full",
    )
    .await
    .unwrap();

    // Outreach: a message and a template they wrote, and a delivery to them.
    insert(
        app,
        "messages",
        vec![
            ("group_id", mine.into()),
            ("channel", "email".into()),
            ("subject", "Saturday".into()),
            ("body", "Join us".into()),
            ("audience", "members".into()),
            ("status", "draft".into()),
            ("quiet_override", false.into()),
            ("recipient_count", 0.into()),
            ("created_by", me.into()),
            ("created_at", at(0)),
            ("updated_at", at(0)),
        ],
    )
    .await;
    let message = app.count("messages").await as i32;
    insert(
        app,
        "message_templates",
        vec![
            ("name", "Weekly".into()),
            ("channel", "email".into()),
            ("subject", "This week".into()),
            ("body", "Hello".into()),
            ("created_by", me.into()),
            ("created_at", at(0)),
        ],
    )
    .await;
    insert(
        app,
        "message_deliveries",
        vec![
            ("message_id", message.into()),
            ("email", EMAIL.into()),
            ("phone", MOBILE.into()),
            ("person_id", me.into()),
            ("name", NAME.into()),
            ("status", "sent".into()),
            ("attempts", 1.into()),
            ("next_attempt_at", at(0)),
            ("last_error", "none".into()),
        ],
    )
    .await;

    // Who looked at them, and whom they looked at.
    record(
        &app.db,
        Viewing {
            viewer_id: other,
            viewer_role: "host of “Door knocking”",
            what: "attendee list",
        },
        [Viewed::Account(me)],
    )
    .await
    .unwrap();
    record(
        &app.db,
        Viewing {
            viewer_id: me,
            viewer_role: "staff",
            what: "the outbox",
        },
        [Viewed::Guest("rita@example.org".into())],
    )
    .await
    .unwrap();
    super::seed_phonebank::seed_phonebank(app, me, other, third).await;
    super::seed_qa::seed_qa(app, me, other).await;
    super::seed_sites::seed_sites(app, me).await;
    super::seed_fundraising::seed_fundraising(app, me).await;
    let prepared = app
        .call(
            "/api/privacy/prepare-download",
            &[("password", PASSWORD)],
            Some(&session),
        )
        .await;
    assert!(prepared.succeeded(), "{}", prepared.body);
    (me, session, other)
}

/// The download link the profile shows.
pub async fn download_href(app: &TestApp, session: &str) -> String {
    let list = app
        .call("/api/privacy/my-downloads", &[], Some(session))
        .await
        .json();
    list[0]["href"]
        .as_str()
        .expect("a prepared download")
        .to_string()
}
