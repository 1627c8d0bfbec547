//! Tables owned by places.

pub mod postcode;
