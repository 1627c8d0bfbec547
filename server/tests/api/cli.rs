//! The `membersnet` binary itself: its settings, commands and shutdown.

use app::auth::{model::Role, service::roles};
use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

const BIN: &str = env!("CARGO_BIN_EXE_membersnet");

fn temp_sqlite_url(name: &str) -> String {
    format!(
        "sqlite://{}/mn_cli_{name}_{}.db?mode=rwc",
        std::env::temp_dir().display(),
        uuid::Uuid::new_v4().simple()
    )
}

#[test]
fn help_lists_every_setting_with_its_variable() {
    let output = Command::new(BIN).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&output.stdout);
    for variable in [
        "DATABASE_URL",
        "LEPTOS_SITE_ADDR",
        "PUBLIC_URL",
        "LEPTOS_SITE_ROOT",
        "DEMO_CONTENT",
        "SMTP_URL",
        "MAIL_FROM",
        "TRUST_FORWARDED_FOR",
        "RUST_LOG",
        "LOG_JSON",
    ] {
        assert!(
            help.contains(variable),
            "--help does not mention {variable}:\n{help}"
        );
    }
    for command in ["serve", "migrate", "seed", "create-staff"] {
        assert!(help.contains(command), "--help does not list {command}");
    }
}

#[tokio::test]
async fn create_staff_makes_a_new_staff_account() {
    let url = temp_sqlite_url("staff");
    let status = Command::new(BIN)
        .args([
            "create-staff",
            "--email",
            "Boss@Example.org",
            "--name",
            "The Boss",
        ])
        .env("DATABASE_URL", &url)
        .env("STAFF_PASSWORD", "a long staff passphrase")
        .env("RUST_LOG", "warn")
        .status()
        .unwrap();
    assert!(status.success());
    let db = app::db::connect_and_migrate(&url).await.unwrap();
    let person = app::auth::service::accounts::get_person_by_email(&db, "boss@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        roles::list_roles_for_person(&db, person.id).await.unwrap(),
        vec![Role::Staff]
    );
}

#[test]
fn create_staff_refuses_a_weak_password() {
    let output = Command::new(BIN)
        .args(["create-staff", "--email", "boss@example.org"])
        .env("DATABASE_URL", temp_sqlite_url("weak"))
        .env("STAFF_PASSWORD", "short")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least 10 characters"));
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get_status_line(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply).ok()?;
    reply.lines().next().map(str::to_string)
}

#[test]
fn serve_answers_and_stops_cleanly_on_sigterm() {
    let port = free_port();
    let mut child = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", temp_sqlite_url("serve"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("DEMO_CONTENT", "false")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status_line = loop {
        if let Some(line) = get_status_line(port, "/sign-in") {
            break line;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status_line.contains("200"), "{status_line}");

    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let stopped = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            stopped.elapsed() < Duration::from_secs(10),
            "the server did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "exit status {exit:?}");
}
