//! An upcoming event as suggestions weigh it for one person, gathered by
//! `events::service::suggestion_sources` and ranked by `suggest`.

/// Radius within which distance adds to the score.
pub const NEAR_MILES: f64 = 20.0;

/// What is known about one upcoming event, for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub event_id: i32,
    /// Friends the person may see going, each with whether they are close.
    pub friends: Vec<(String, bool)>,
    pub miles: Option<f64>,
    /// The person's group that runs it.
    pub group: Option<String>,
    pub days_away: f64,
    pub going: i32,
}
