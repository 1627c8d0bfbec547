//! Delivery through a real SMTP client to a local SMTP server: multipart email with
//! one-click unsubscribe headers, each recipient once, and a worker killed mid-batch
//! that loses nobody and sends nobody twice.

use super::{
    consent, deliver_all, draft, fakes::SmtpSink, member, no_texts, official_group, send, statuses,
};
use app::{
    consent::model::{Channel, PARTY_SCOPE},
    mail::mailer::SmtpMailer,
    outreach::service::delivery::{deliver_due_messages, Outlets, RateLimit, STALE_AFTER},
};
use chrono::Utc;
use std::{collections::HashMap, time::Duration};

#[tokio::test]
async fn emails_go_out_multipart_with_one_click_unsubscribe() {
    let sender = official_group().await;
    let ann = member(&sender, "Ann Able", "ann@example.org").await;
    let bob = member(&sender, "Bob Baker", "bob@example.org").await;
    member(&sender, "Cat Never", "cat@example.org").await;
    consent(&sender.app, &ann, Channel::Email, PARTY_SCOPE, true, None).await;
    consent(&sender.app, &bob, Channel::Email, PARTY_SCOPE, true, None).await;
    let id = draft(
        &sender,
        "email",
        &[
            ("subject", "Leafleting, {{first_name}}?"),
            ("body", "Hello **{{first_name}}**, from {{group_name}}."),
            ("audience", "members"),
        ],
    )
    .await;
    assert!(send(&sender, id).await.succeeded());
    let sink = SmtpSink::start().await;
    let mailer = SmtpMailer::new(&sink.url(), "MembersNet <no-reply@membersnet.example>").unwrap();
    deliver_all(&sender.app, &mailer, &no_texts(), Utc::now()).await;
    let received = sink.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(received.len(), 2);
    let to_ann = received
        .iter()
        .find(|e| e.to() == ann)
        .expect("Ann's email");
    assert!(to_ann
        .header("Subject")
        .unwrap()
        .contains("Leafleting, Ann?"));
    assert!(to_ann
        .header("Content-Type")
        .unwrap()
        .contains("multipart/alternative"));
    assert!(
        to_ann.raw.contains("text/html") && to_ann.raw.contains("text/plain"),
        "{}",
        to_ann.raw
    );
    let unsubscribe = to_ann.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with("<http://127.0.0.1:3000/unsubscribe/")
            && unsubscribe.ends_with("/one-click>")
    );
    assert_eq!(
        to_ann.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let progress = sender
        .app
        .call(
            "/api/outreach/messages/progress",
            &[("id", &id.to_string())],
            Some(&sender.session),
        )
        .await
        .json();
    assert_eq!(
        (progress["sent"].as_i64(), progress["left"].as_i64()),
        (Some(2), Some(0))
    );
}

#[tokio::test]
async fn a_worker_killed_mid_batch_loses_nobody_and_sends_nobody_twice() {
    let sender = official_group().await;
    for n in 0..40 {
        let email = member(
            &sender,
            &format!("Person {n}"),
            &format!("p{n:02}@example.org"),
        )
        .await;
        consent(&sender.app, &email, Channel::Email, PARTY_SCOPE, true, None).await;
    }
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
    assert!(send(&sender, id).await.succeeded());
    let sink = SmtpSink::start().await;
    sink.stall_after(7);
    let url = sink.url();
    let db = sender.app.db.clone();
    let worker = tokio::spawn(async move {
        let mailer = SmtpMailer::new(&url, "no-reply@membersnet.example").unwrap();
        let (email_limit, text_limit) = (RateLimit::new(10_000), RateLimit::new(10_000));
        let texter = no_texts();
        let outlets = Outlets {
            mailer: &mailer,
            texter: &texter,
            email_limit: &email_limit,
            text_limit: &text_limit,
            concurrency: 4,
        };
        deliver_due_messages(&db, &outlets, "http://127.0.0.1:3000", 100, Utc::now()).await
    });
    sink.wait_for(7, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    worker.abort(); // the process dies with messages in flight
    let _ = worker.await;
    sink.resume();
    let after_kill = statuses(&sender.app, id).await;
    assert_eq!(after_kill.iter().filter(|(_, s)| s == "sent").count(), 7);
    // Another node (or the restarted one), once the claim has gone stale.
    let mailer = SmtpMailer::new(&sink.url(), "no-reply@membersnet.example").unwrap();
    let later = Utc::now() + STALE_AFTER + chrono::Duration::seconds(1);
    deliver_all(&sender.app, &mailer, &no_texts(), later).await;
    let received = sink.wait_for(40, Duration::from_secs(10)).await;
    let mut per_person: HashMap<String, usize> = HashMap::new();
    for email in &received {
        *per_person.entry(email.to().to_string()).or_default() += 1;
    }
    assert_eq!(per_person.len(), 40, "nobody lost");
    assert!(
        per_person.values().all(|n| *n == 1),
        "nobody twice: {per_person:?}"
    );
    assert!(statuses(&sender.app, id)
        .await
        .iter()
        .all(|(_, s)| s == "sent"));
}
