//! Phonebank's tables, one file each.

pub mod call;
pub mod caller;
pub mod contact;
pub mod do_not_call;
pub mod phonebank;
pub mod tps_number;
pub mod tps_screening;
