//! Q&A's services: plain async functions over a connection. Every call from a server
//! function first passes `access::session_for`.

pub mod access;
pub mod answers;
pub mod calendar;
pub mod lists;
pub mod moderation;
pub mod politicians;
pub mod questions;
pub mod record;
pub mod reports;
pub mod sessions;
pub mod views;
pub mod votes;
