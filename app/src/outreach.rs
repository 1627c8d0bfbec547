//! Outreach: consent, audiences, the Email and Text Creators and their delivery. Owns what
//! is sent to audiences, to whom it may be sent (the consent ledger), and whether it went.
//! Single emails and texts go through the mail base (`crate::mail`).

pub mod api;
pub mod components;
pub mod compose;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
