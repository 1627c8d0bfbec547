//! Privacy's view types (both targets).

use serde::{Deserialize, Serialize};

/// One table's line in the privacy notice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NoticeEntry {
    pub table: String,
    pub what: String,
    pub why: String,
    pub basis: String,
    pub kept: String,
    pub on_erasure: String,
}

/// A prepared download: its link works for its owner until `until`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownloadLink {
    pub href: String,
    pub until: String,
}

/// What a guest's emailed link reaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuestLinkView {
    pub email: String,
    pub until: String,
    pub download_href: String,
}

/// One line of the access log, as staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessLine {
    pub when: String,
    pub viewer: String,
    pub role: String,
    pub what: String,
    pub whose: String,
}

/// A page of the access log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccessLogPage {
    pub lines: Vec<AccessLine>,
    /// The next page's `before`, when there are older entries.
    pub older: Option<i32>,
}
