//! Events and sign-ups: events with their slots (dates or shifts), sign-ups of members and
//! guests under a capacity with a waitlist, cancelling by emailed link, "my events".
//! Not friendships (people) nor who may be emailed later (outreach's consent ledger).

pub mod api;
pub mod components;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
