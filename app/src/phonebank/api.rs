//! Phonebank's server functions: find who is asking, check the policy table through
//! `service::access`, call the service, return a view type.

mod calling;
mod organising;
mod staff;

pub use calling::*;
pub use organising::*;
pub use staff::*;
