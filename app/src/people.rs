//! People: profiles, the right to leave, friendships (requests, blocks, invitations) and
//! who may see the events a person goes to. Does not own accounts or sessions (auth does).

pub mod api;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
