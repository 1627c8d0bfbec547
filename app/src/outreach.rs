//! Outreach: consent, audiences, the Email and Text Creators, and delivery. Owns what is
//! sent, to whom it may be sent (the consent ledger), and whether it went.

pub mod api;
pub mod components;
pub mod compose;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod mailer;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod sms;
