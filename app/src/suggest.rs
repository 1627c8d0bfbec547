//! Event suggestions: upcoming events a person has not signed up to, ranked from friends
//! going (close friends count more), distance, their groups' events and how soon, each with
//! its reason. Reads events, people (who may be seen going) and groups; owns no table.

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod service;
