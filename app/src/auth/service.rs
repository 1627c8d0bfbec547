//! Auth services: plain async functions over a database connection. Server only.

pub mod accounts;
pub mod directory;
pub mod email_confirmations;
pub mod mobile_numbers;
pub mod passwords;
pub mod resets;
pub mod retention;
pub mod roles;
pub mod sessions;
pub mod throttle;
