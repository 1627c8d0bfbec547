//! Accounts, password hashing, sessions, roles, sign-in and out, password reset, confirming
//! an account's address, and the current person. Does not own profiles beyond what an account needs (people does).

pub mod api;
pub mod model;
pub mod pages;
pub mod session;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
