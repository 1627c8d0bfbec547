//! Published pages as rendered, kept for a moment in each server process, so a popular
//! page is not read and drawn on every request. A publish is signalled on the live bus
//! (PostgreSQL NOTIFY: every process) and drops that site's pages at once; otherwise a
//! page lives two seconds, so its events blocks are never staler than that.

use crate::live::{Heard, LiveBus};
use std::{
    collections::HashMap,
    future::Future,
    sync::{Arc, Mutex, OnceLock},
    time::{Duration, Instant},
};

const TOPIC: &str = "sites";
/// How long a rendered page is served before it is drawn again.
const FRESH_FOR: Duration = Duration::from_secs(2);
/// Pages kept per process, at most; beyond it the cache starts again.
const MAX_PAGES: usize = 10_000;

/// Pages drawn, by (group, page), with when they were drawn.
type Pages = HashMap<(String, String), (Instant, Arc<str>)>;

#[derive(Default)]
struct Cache {
    pages: Mutex<Pages>,
    started: OnceLock<()>,
}

fn cache(bus: &LiveBus) -> Arc<Cache> {
    let cache = bus.part(Cache::default);
    cache.started.get_or_init(|| {
        tokio::spawn(forget_on_publish(bus.clone(), cache.clone()));
    });
    cache
}

/// The page of `group`'s site at `page`, from the cache or drawn by `render` (None: no
/// such published page, which is not kept).
pub async fn cached_page<F, Fut, E>(
    bus: &LiveBus,
    group: &str,
    page: &str,
    render: F,
) -> Result<Option<Arc<str>>, E>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Option<String>, E>>,
{
    let cache = cache(bus);
    let key = (group.to_string(), page.to_string());
    if let Some((at, html)) = lock(&cache).get(&key) {
        if at.elapsed() < FRESH_FOR {
            return Ok(Some(html.clone()));
        }
    }
    let Some(html) = render().await? else {
        return Ok(None);
    };
    let html: Arc<str> = html.into();
    let mut pages = lock(&cache);
    if pages.len() >= MAX_PAGES {
        pages.clear();
    }
    pages.insert(key, (Instant::now(), html.clone()));
    Ok(Some(html))
}

/// Tells every process that `group`'s site changed.
pub async fn published_changed(bus: &LiveBus, group: &str) {
    forget(&cache(bus), group);
    if let Err(err) = bus.publish(TOPIC, group).await {
        tracing::warn!(?err, "could not signal a publish to other processes");
    }
}

fn forget(cache: &Cache, group: &str) {
    lock(cache).retain(|(g, _), _| g != group);
}

fn lock(cache: &Cache) -> std::sync::MutexGuard<'_, Pages> {
    cache.pages.lock().unwrap_or_else(|e| e.into_inner())
}

async fn forget_on_publish(bus: LiveBus, cache: Arc<Cache>) {
    let mut heard = bus.listen(TOPIC);
    while let Some(signal) = heard.next().await {
        match signal {
            Heard::Signal(group) => forget(&cache, &group),
            // Missed signals may have been publishes: start again.
            Heard::Missed => lock(&cache).clear(),
        }
    }
}
