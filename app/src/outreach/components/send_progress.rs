//! How far a send has got, kept current while it runs.

use crate::outreach::model::SendProgress;
use leptos::prelude::*;

/// Without JavaScript the page reloads itself every 2 seconds while a send runs. It sits in
/// `<noscript>`, not in the head through `leptos_meta::Meta`: a refresh there would also
/// fire with JavaScript on (the browser acts on it as the page loads, and again whenever
/// a client-side visit adds it), reloading the page under the live bar every 2 seconds.
const REFRESH_WITHOUT_JAVASCRIPT: &str = r#"<meta http-equiv="refresh" content="2">"#;

/// The progress bar and the counts. `live`: the send is under way, so with JavaScript the
/// counts are fetched every second until it finishes, and then `refresh` is bumped so the
/// page shows the final status; without JavaScript the page reloads itself.
#[component]
pub fn SendProgressView(
    id: i32,
    initial: SendProgress,
    live: bool,
    refresh: RwSignal<usize>,
) -> impl IntoView {
    let progress = RwSignal::new(initial);
    if live {
        watch(id, progress, refresh);
    }
    let label = move || {
        let p = progress.get();
        format!(
            "{} of {} done ({}%)",
            p.total - p.left,
            p.total,
            p.percent()
        )
    };
    let counts = move || {
        let p = progress.get();
        format!(
            "Sent {} · Failed {} · Skipped (no consent) {} · Left {}",
            p.sent, p.failed, p.skipped, p.left
        )
    };
    // A bar's maximum must be above 0: a send to nobody shows as complete.
    let max = move || Ord::max(progress.get().total, 1).to_string();
    let value = move || {
        let p = progress.get();
        let done = if p.total == 0 { 1 } else { p.total - p.left };
        done.to_string()
    };
    view! {
        <section class="card send-progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">"Progress"</h2>
            {live.then(|| view! { <noscript inner_html=REFRESH_WITHOUT_JAVASCRIPT></noscript> })}
            <label for="send-progress-bar">{label}</label>
            <progress id="send-progress-bar" max=max value=value>{move || format!("{}%", progress.get().percent())}</progress>
            <p class="send-counts" aria-live="polite">{counts}</p>
        </section>
    }
    .into_any()
}

/// Fetches the progress every second while the page is open and the send unfinished.
#[cfg(feature = "hydrate")]
fn watch(id: i32, progress: RwSignal<SendProgress>, refresh: RwSignal<usize>) {
    use crate::outreach::api::get_send_progress;
    use std::time::Duration;

    let tick = move || {
        if progress.get_untracked().finished() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(latest) = get_send_progress(id).await else {
                return;
            };
            let was_finished = progress.get_untracked().finished();
            progress.set(latest);
            if latest.finished() && !was_finished {
                refresh.update(|n| *n += 1);
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        // Stops when the page (or this part of it) goes away.
        on_cleanup(move || handle.clear());
    }
}

/// The server renders the counts as they stand; only the browser watches them change.
#[cfg(not(feature = "hydrate"))]
fn watch(_id: i32, _progress: RwSignal<SendProgress>, _refresh: RwSignal<usize>) {}
