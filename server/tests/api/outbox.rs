use crate::support::TestApp;
use app::outreach::{
    mailer::{Delivery, MailError, Mailer, OutgoingEmail, SmtpMailer},
    service::{deliver_pending, queue_email},
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
