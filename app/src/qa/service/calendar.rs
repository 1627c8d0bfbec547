//! "Add to my calendar" for a session: its live part as an .ics file.

use crate::{error::AppResult, qa::service::access::Access};
use icalendar::{Calendar, Component, Event as CalendarEvent, EventLike};

/// The session's live part as an .ics file (readable by whoever may read the session).
pub fn session_ics(access: &Access, public_url: &str) -> AppResult<String> {
    let s = &access.session;
    let url = format!("{}/qa/{}", public_url.trim_end_matches('/'), s.id);
    let entry = CalendarEvent::new()
        .uid(&format!("qa-{}@membersnet", s.id))
        .summary(&s.title)
        .description(&format!("{}\n\n{url}", s.description))
        .location(&url)
        .url(&url)
        .starts(s.starts_at)
        .ends(s.ends_at)
        .done();
    let mut calendar = Calendar::new();
    calendar.name("MembersNet");
    calendar.push(entry);
    Ok(calendar.done().to_string())
}
