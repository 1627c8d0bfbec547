//! Outreach: the email outbox and its delivery. Later: audiences, consent, texts.
//! Owns what is sent and whether it went; not who may be sent to (that is consent, to come).

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod mailer;
#[cfg(feature = "ssr")]
pub mod service;
