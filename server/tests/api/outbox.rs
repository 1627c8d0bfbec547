use crate::support::TestApp;
use app::mail::{
    deliver_pending,
    mailer::{Delivery, MailError, Mailer, OutgoingEmail, SmtpMailer},
    queue_email,
};
use axum::http::StatusCode;
use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    sync::Mutex,
};

#[tokio::test]
async fn only_staff_may_read_the_outbox() {
    let app = TestApp::spawn().await;
    queue_email(&app.db, "sam@example.org", "Hello", "A reset link")
        .await
        .unwrap();
    let anonymous = app.call("/api/outreach/outbox", &[], None).await;
    assert_eq!(anonymous.error_code(), "unauthenticated");
    let person = app.signed_in("Sam", "sam@example.org").await;
    let forbidden = app.call("/api/outreach/outbox", &[], Some(&person)).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(forbidden.error_code(), "forbidden");
    let staff = app.signed_in_staff().await;
    let listed = app.call("/api/outreach/outbox", &[], Some(&staff)).await;
    assert_eq!(listed.json()[0]["subject"], "Hello");
}

#[tokio::test]
async fn a_public_site_without_a_mail_server_hides_the_outbox_links() {
    let app = TestApp::spawn_with_public_url("https://members.example").await;
    queue_email(
        &app.db,
        "sam@example.org",
        "Reset",
        "Use https://members.example/reset/abc soon",
    )
    .await
    .unwrap();
    let staff = app.signed_in_staff().await;

    let listed = app.call("/api/outreach/outbox", &[], Some(&staff)).await;

    let body = listed.json()[0]["body"].as_str().unwrap().to_string();
    assert!(!body.contains("/reset/abc"), "{body}");
    assert!(body.starts_with("Use [link hidden"), "{body}");
}

#[tokio::test]
async fn with_a_mail_server_there_is_no_outbox() {
    let settings = app::state::Settings::new(crate::support::ORIGIN, true).with_mail_server(true);
    let app = TestApp::spawn_with_settings(settings).await;
    queue_email(&app.db, "sam@example.org", "Reset", "https://x/reset/abc")
        .await
        .unwrap();
    let staff = app.signed_in_staff().await;

    let listed = app.call("/api/outreach/outbox", &[], Some(&staff)).await;

    assert_eq!(listed.status, StatusCode::NOT_FOUND);
    assert!(!listed.body.contains("reset/abc"));
}

/// Counts deliveries, slowly, so two workers overlap.
struct CountingMailer(AtomicUsize);

#[async_trait::async_trait]
impl Mailer for CountingMailer {
    async fn deliver(&self, _email: &OutgoingEmail) -> Result<Delivery, MailError> {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(Delivery::Sent)
    }
}

#[tokio::test]
async fn two_workers_deliver_each_email_exactly_once() {
    let app = TestApp::spawn().await;
    for n in 0..20 {
        queue_email(&app.db, &format!("p{n}@example.org"), "Hi", "Body")
            .await
            .unwrap();
    }
    let mailer = Arc::new(CountingMailer(AtomicUsize::new(0)));
    let (a, b) = tokio::join!(
        deliver_pending(&app.db, mailer.as_ref(), 50),
        deliver_pending(&app.db, mailer.as_ref(), 50)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 20);
    assert_eq!(mailer.0.load(Ordering::SeqCst), 20);
    assert_eq!(
        deliver_pending(&app.db, mailer.as_ref(), 50).await.unwrap(),
        0
    );
}

/// A mail server that never answers: the worker holding an email dies mid-send.
struct HangingMailer;

#[async_trait::async_trait]
impl Mailer for HangingMailer {
    async fn deliver(&self, _email: &OutgoingEmail) -> Result<Delivery, MailError> {
        std::future::pending().await
    }
}

#[tokio::test]
async fn an_email_held_by_a_worker_killed_mid_send_goes_once_its_lease_runs_out() {
    use app::mail::{tables::outbox_email, OutboxStatus};
    use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    queue_email(&app.db, "sam@example.org", "Reset", "A link")
        .await
        .unwrap();
    let db = app.db.clone();
    let worker = tokio::spawn(async move { deliver_pending(&db, &HangingMailer, 10).await });
    let sending = || async {
        outbox_email::Entity::find()
            .filter(outbox_email::Column::Status.eq(OutboxStatus::Sending))
            .all(&app.db)
            .await
            .unwrap()
            .len()
    };
    while sending().await == 0 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    worker.abort();
    let mailer = CountingMailer(AtomicUsize::new(0));
    assert_eq!(
        deliver_pending(&app.db, &mailer, 10).await.unwrap(),
        0,
        "still leased"
    );

    outbox_email::Entity::update_many()
        .col_expr(
            outbox_email::Column::ClaimedAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(11)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let recovered = deliver_pending(&app.db, &mailer, 10).await.unwrap();

    assert_eq!(recovered, 1);
    assert_eq!(mailer.0.load(Ordering::SeqCst), 1);
    assert_eq!(sending().await, 0);
    assert_eq!(
        deliver_pending(&app.db, &mailer, 10).await.unwrap(),
        0,
        "sent once"
    );
}

/// A minimal SMTP server that accepts one message and keeps its text.
async fn smtp_sink() -> (u16, Arc<Mutex<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(String::new()));
    let store = received.clone();
    tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read).lines();
        write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    write.write_all(b"250 OK queued\r\n").await.unwrap();
                } else {
                    store.lock().await.push_str(&format!("{line}\n"));
                }
                continue;
            }
            let verb = line
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_uppercase();
            let answer: &[u8] = match verb.as_str() {
                "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                "DATA" => {
                    in_data = true;
                    b"354 go ahead\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                }
                _ => b"250 OK\r\n",
            };
            write.write_all(answer).await.unwrap();
        }
    });
    (port, received)
}

#[tokio::test]
async fn with_smtp_configured_email_goes_out_through_the_server() {
    let app = TestApp::spawn().await;
    let (port, received) = smtp_sink().await;
    let mailer = SmtpMailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "MembersNet <no-reply@membersnet.example>",
    )
    .unwrap();
    queue_email(
        &app.db,
        "sam@example.org",
        "Reset your password",
        "Your link: https://example.org/r/abc",
    )
    .await
    .unwrap();
    assert_eq!(deliver_pending(&app.db, &mailer, 10).await.unwrap(), 1);
    let text = received.lock().await.clone();
    assert!(text.contains("To: sam@example.org"), "{text}");
    assert!(text.contains("Subject: Reset your password"), "{text}");
    assert!(text.contains("https://example.org/r/abc"), "{text}");
}

#[tokio::test]
async fn staff_preview_every_email_template_and_nobody_else_can() {
    let app = TestApp::spawn().await;
    let path = "/api/outreach/email-previews";
    assert_eq!(
        app.call(path, &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let member = app.signed_in("Sam", "sam@example.org").await;
    assert_eq!(
        app.call(path, &[], Some(&member)).await.status,
        StatusCode::FORBIDDEN
    );
    let staff = app.signed_in_staff().await;
    let list = app.call(path, &[], Some(&staff)).await.json();
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(app::mail::Template::all().count())
    );
    let page = app.get("/staff/emails", Some(&staff)).await;
    assert!(
        page.body.contains("Reset your MembersNet password"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn emails_from_templates_carry_an_html_part_beside_the_text() {
    use app::mail::tables::outbox_email;
    use sea_orm::EntityTrait;
    let app = TestApp::spawn().await;
    app.create_person("Sam <b>Patel</b>", "sam@example.org")
        .await;
    app.call(
        "/api/auth/request-password-reset",
        &[("email", "sam@example.org")],
        None,
    )
    .await;
    let sent = outbox_email::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].subject, "Reset your MembersNet password");
    assert!(
        sent[0].body.contains("Hello Sam <b>Patel</b>,"),
        "{}",
        sent[0].body
    );
    let html = sent[0].html.as_deref().expect("an HTML part");
    assert!(html.contains("Hello Sam &lt;b&gt;Patel"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    // minijinja escapes `/` too (`&#x2f;`), which a browser reads back as `/`.
    let link = "<a href=\"http:&#x2f;&#x2f;127.0.0.1:3000&#x2f;reset-password&#x2f;";
    assert!(html.contains(link), "{html}");
}
