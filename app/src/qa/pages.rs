//! Q&A's pages: watchers' and askers' pages in one section, hosts', moderators',
//! politicians' and staff's in another, so a watcher's phone loads only the first.

mod answer_page;
mod ask_form;
mod group_sessions;
mod live_updates;
mod moderate_page;
mod new_session_page;
mod politicians_page;
mod question_card;
mod record;
mod session_page;
mod sessions_page;

pub use answer_page::AnswerPage;
pub use group_sessions::GroupSessions;
pub use moderate_page::ModeratePage;
pub use new_session_page::NewSessionPage;
pub use politicians_page::PoliticiansPage;
pub use session_page::SessionPage;
pub use sessions_page::SessionsPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` of the page's address.
fn id_param() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    }
}

/// "1 person watching", "12 people watching".
fn watching_text(count: i64) -> String {
    match count {
        1 => "1 person watching".to_string(),
        n => format!("{n} people watching"),
    }
}

/// A count of votes in words.
fn votes_text(count: i32) -> String {
    match count {
        1 => "1 vote".to_string(),
        n => format!("{n} votes"),
    }
}
