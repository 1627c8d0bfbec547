//! Campaigning groups: the directory, memberships and roles, invitations, each group's
//! forum with its moderation, and forum email notifications. Events run on behalf of a
//! group belong to events; who may do what in a group is `policy`.

pub mod api;
pub mod components;
pub mod model;
pub mod pages;
pub mod policy;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;
