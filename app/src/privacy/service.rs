//! Privacy services. Server only.

pub mod access;
pub mod download;
pub mod erasure;
pub mod notice;
pub mod requests;
pub mod retention;
