//! Place services. Server only.

pub mod codepoint;
pub mod lookup;
pub mod outward;
pub mod towns;
