//! Q&A's server functions, by who uses them.

mod asking;
mod hosting;
mod moderating;

pub use asking::*;
pub use hosting::*;
pub use moderating::*;
