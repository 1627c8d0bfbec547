//! SmtpSink: a local SMTP server without TLS that keeps every message it accepts, and can
//! stall to play a worker killed before it heard back.

use super::POLL;
use std::{
    io,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Duration,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines},
    net::{tcp::OwnedReadHalf, TcpListener, TcpStream},
    sync::Mutex,
    time::{sleep, Instant},
};

/// `stall_after` has not been called, or `resume` has.
const NO_STALL: usize = usize::MAX;

/// One message the SMTP sink accepted.
#[derive(Debug, Clone)]
pub struct ReceivedEmail {
    /// The envelope recipient from `RCPT TO`; several are joined by ", ".
    pub rcpt: String,
    /// Headers and body as sent, lines joined by CRLF, leading dots unstuffed.
    pub raw: String,
}

impl ReceivedEmail {
    /// The envelope recipient.
    pub fn to(&self) -> &str {
        &self.rcpt
    }

    /// The first header called `name`, whatever its case, unfolded and trimmed.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.raw.split("\r\n\r\n").next().unwrap_or_default();
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(value) = value.as_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if value.is_some() {
                break;
            } else if let Some((key, rest)) = line.split_once(':') {
                if key.trim().eq_ignore_ascii_case(name) {
                    value = Some(rest.trim().to_owned());
                }
            }
        }
        value
    }
}

struct SinkState {
    received: Mutex<Vec<ReceivedEmail>>,
    stall_from: AtomicUsize,
}

impl SinkState {
    /// Keeps the email unless the sink is stalled, and says whether it did.
    async fn accept(&self, email: ReceivedEmail) -> bool {
        let mut received = self.received.lock().await;
        if received.len() >= self.stall_from.load(Ordering::SeqCst) {
            return false;
        }
        received.push(email);
        true
    }
}

/// An SMTP server without TLS that accepts every message, on many connections at once.
pub struct SmtpSink {
    port: u16,
    state: Arc<SinkState>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the SMTP sink");
        let port = listener
            .local_addr()
            .expect("the SMTP sink's address")
            .port();
        let state = Arc::new(SinkState {
            received: Mutex::new(Vec::new()),
            stall_from: AtomicUsize::new(NO_STALL),
        });
        let shared = state.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                // A client that hangs up mid-conversation ends only its own connection.
                tokio::spawn(converse(socket, shared.clone()));
            }
        });
        SmtpSink { port, state }
    }

    /// The URL to give `SmtpMailer`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub async fn received(&self) -> Vec<ReceivedEmail> {
        self.state.received.lock().await.clone()
    }

    pub async fn count(&self) -> usize {
        self.state.received.lock().await.len()
    }

    /// Waits until at least `n` messages have arrived or `timeout` passes, then returns them all.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedEmail> {
        let deadline = Instant::now() + timeout;
        while self.count().await < n && Instant::now() < deadline {
            sleep(POLL).await;
        }
        self.received().await
    }

    /// Once `n` messages are in, reads further ones but never answers nor keeps them, as if
    /// the sender had been killed before hearing back.
    pub fn stall_after(&self, n: usize) {
        self.state.stall_from.store(n, Ordering::SeqCst);
    }

    /// Accepts later messages again; the stalled ones stay lost.
    pub fn resume(&self) {
        self.state.stall_from.store(NO_STALL, Ordering::SeqCst);
    }
}

/// One SMTP conversation, of any number of messages, until QUIT or hang-up.
async fn converse(socket: TcpStream, state: Arc<SinkState>) -> io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let mut rcpts: Vec<String> = Vec::new();
    while let Some(line) = lines.next_line().await? {
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250-sink\r\n250 8BITMIME\r\n",
            "MAIL" | "RSET" => {
                rcpts.clear();
                b"250 OK\r\n"
            }
            "RCPT" => {
                rcpts.push(address_in(&line));
                b"250 OK\r\n"
            }
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let raw = read_message(&mut lines).await?;
                let email = ReceivedEmail {
                    rcpt: rcpts.join(", "),
                    raw,
                };
                if !state.accept(email).await {
                    // Hold the line open, silent, until the killed sender's socket closes.
                    while lines.next_line().await?.is_some() {}
                    return Ok(());
                }
                rcpts.clear();
                b"250 OK queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 OK\r\n",
        };
        write.write_all(reply).await?;
    }
    Ok(())
}

/// Reads message text up to the lone "." and undoes dot-stuffing.
async fn read_message(lines: &mut Lines<BufReader<OwnedReadHalf>>) -> io::Result<String> {
    let mut text = Vec::new();
    while let Some(line) = lines.next_line().await? {
        if line == "." {
            return Ok(text.join("\r\n"));
        }
        text.push(match line.strip_prefix('.') {
            Some(rest) => rest.to_owned(),
            None => line,
        });
    }
    Err(io::ErrorKind::UnexpectedEof.into())
}

/// The address inside `<…>` of a `RCPT TO:<…>` command.
fn address_in(command: &str) -> String {
    let start = command.find('<').map_or(0, |i| i + 1);
    let end = command[start..]
        .find('>')
        .map_or(command.len(), |i| start + i);
    command[start..end].to_owned()
}
