//! Q&A's tables, one file each.

pub mod answer;
pub mod moderator;
pub mod politician;
pub mod question;
pub mod report;
pub mod session;
pub mod session_politician;
pub mod staffer;
pub mod vote;
