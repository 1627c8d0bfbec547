//! Fundraising's services: pages, the donor's form and checkout, the provider (trait and
//! Stripe's HTTP API), its events and webhooks (applied once), the thermometer's cached
//! counter, monthly donors' links, catching up on start, and the treasurer's books.

pub mod checks;
pub mod donating;
pub mod erasure;
pub mod events;
pub mod manage;
pub mod offline;
pub mod pages;
pub mod provider;
pub mod reconcile;
pub mod reports;
pub mod signature;
pub mod totals;
pub mod treasurer;
pub mod webhooks;
