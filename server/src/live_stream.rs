//! A live stream (Server-Sent Events) fed by a broadcast channel: a first message, then
//! whatever `step` makes of each signal, until the channel closes or the process stops
//! (so a graceful shutdown never waits on open streams). Q&A sessions and thermometers
//! both stream this way.

use axum::response::{
    sse::{Event, KeepAlive, Sse},
    IntoResponse, Response,
};
use std::{convert::Infallible, time::Duration};
use tokio::sync::{
    broadcast::{self, error::RecvError},
    watch,
};

/// What to do with one signal.
pub enum Step {
    Send(String),
    Skip,
    End,
}

/// The stream as a response: `first`, then each signal `step` turns into a message.
pub fn live_response<T, F>(
    first: String,
    signals: broadcast::Receiver<T>,
    closing: watch::Receiver<bool>,
    step: F,
) -> Response
where
    T: Clone + Send + 'static,
    F: Fn(Result<T, RecvError>) -> Step + Send + 'static,
{
    let stream = futures::stream::unfold(
        (Some(first), signals, closing, step),
        |(first, mut signals, mut closing, step)| async move {
            if let Some(first) = first {
                let event = Ok::<_, Infallible>(Event::default().data(first));
                return Some((event, (None, signals, closing, step)));
            }
            loop {
                if *closing.borrow() {
                    return None;
                }
                let received = tokio::select! {
                    received = signals.recv() => received,
                    _ = closing.changed() => return None,
                };
                match step(received) {
                    Step::Send(data) => {
                        let event = Ok(Event::default().data(data));
                        return Some((event, (None, signals, closing, step)));
                    }
                    Step::Skip => continue,
                    Step::End => return None,
                }
            }
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
        .into_response()
}
