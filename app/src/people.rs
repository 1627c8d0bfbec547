//! People: profiles and the right to leave. Friendships and privacy arrive here later.
//! Does not own accounts or sessions (auth does).

pub mod api;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod service;
