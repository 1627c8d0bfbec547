//! What every call reads but that changes rarely, kept per process for a few seconds: the
//! party's calling window, and each phonebank's group name and next event (for the
//! script's merge fields). A call page is then a handful of reads, not a dozen. A change
//! shows within `FRESH` everywhere, and at once in the process that made it.

use super::access::group_of;
use crate::{
    error::AppResult,
    events::service::lookups::upcoming_events_of_group,
    live::LiveBus,
    phonebank::{entity::phonebank, hours::CallingWindow},
};
use chrono::Utc;
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

const FRESH: Duration = Duration::from_secs(5);

/// A phonebank's part of the merge fields: who it calls for, and their next event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingFor {
    /// The group's name, or None for the party's own phonebanks.
    pub group_name: Option<String>,
    /// The group's next event: its id, slug and title.
    pub next_event: Option<(i32, String, String)>,
}

#[derive(Default)]
struct Kept {
    window: Mutex<Option<(CallingWindow, Instant)>>,
    calling_for: Mutex<HashMap<i32, (Arc<CallingFor>, Instant)>>,
}

fn kept(bus: &LiveBus) -> Arc<Kept> {
    bus.part(Kept::default)
}

/// The party's calling window, read at most every few seconds.
pub async fn calling_window(bus: &LiveBus) -> AppResult<CallingWindow> {
    let kept = kept(bus);
    if let Some((window, at)) = *kept.window.lock().unwrap_or_else(|e| e.into_inner()) {
        if at.elapsed() < FRESH {
            return Ok(window);
        }
    }
    let window = super::calling_window(bus.db()).await?;
    *kept.window.lock().unwrap_or_else(|e| e.into_inner()) = Some((window, Instant::now()));
    Ok(window)
}

/// Staff changed the window: this process reads it afresh at once.
pub fn forget_calling_window(bus: &LiveBus) {
    *kept(bus).window.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Who `found` calls for, and their next event.
pub async fn calling_for(bus: &LiveBus, found: &phonebank::Model) -> AppResult<Arc<CallingFor>> {
    let kept = kept(bus);
    if let Some((known, at)) = kept
        .calling_for
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&found.id)
    {
        if at.elapsed() < FRESH {
            return Ok(known.clone());
        }
    }
    let db = bus.db();
    let group = group_of(db, found).await?;
    let next_event = match &group {
        Some(g) => upcoming_events_of_group(db, g.id, Utc::now(), 1)
            .await?
            .into_iter()
            .next()
            .map(|e| (e.id, e.slug, e.title)),
        None => None,
    };
    let known = Arc::new(CallingFor {
        group_name: group.map(|g| g.name),
        next_event,
    });
    let mut all = kept.calling_for.lock().unwrap_or_else(|e| e.into_inner());
    // Open phonebanks are few; a process that has seen many starts again.
    if all.len() >= 1_000 {
        all.clear();
    }
    all.insert(found.id, (known.clone(), Instant::now()));
    Ok(known)
}
