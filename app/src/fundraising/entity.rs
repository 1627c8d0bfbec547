//! Fundraising's tables (server only).

pub mod audit;
pub mod donation;
pub mod fund_page;
pub mod payment;
pub mod treasurer;
pub mod webhook_event;
