//! A local SMTP server that takes every message and keeps only a count: the far end of
//! the send benchmark, so the figure is ours, not a mail provider's.

use std::sync::{
    atomic::{AtomicU64, Ordering},
    Arc,
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

pub struct Sink {
    pub url: String,
    count: Arc<AtomicU64>,
}

impl Sink {
    /// Messages accepted so far.
    pub fn received(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// Starts the sink on a free local port.
pub async fn start() -> std::io::Result<Sink> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("smtp://127.0.0.1:{}", listener.local_addr()?.port());
    let count = Arc::new(AtomicU64::new(0));
    let counter = count.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            // As a mail server would: replies go at once, not after a delayed ACK.
            let _ = socket.set_nodelay(true);
            let counter = counter.clone();
            tokio::spawn(async move {
                let _ = converse(socket, &counter).await;
            });
        }
    });
    Ok(Sink { url, count })
}

async fn converse(socket: tokio::net::TcpStream, count: &AtomicU64) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let mut in_data = false;
    while let Some(line) = lines.next_line().await? {
        if in_data {
            if line == "." {
                in_data = false;
                count.fetch_add(1, Ordering::Relaxed);
                write.write_all(b"250 queued\r\n").await?;
            }
            continue;
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
            "DATA" => {
                in_data = true;
                b"354 go on\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 ok\r\n",
        };
        write.write_all(reply).await?;
    }
    Ok(())
}
