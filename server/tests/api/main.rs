//! In-process tests of the router: every server function, pages and security layers.
//! They run on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set.

mod account_confirmation;
mod auth;
mod cli;
mod client_errors;
mod events;
mod friends;
mod fundraising;
mod groups;
mod head;
mod mobile_numbers;
mod outbox;
mod outreach;
mod pages;
mod people;
mod phonebank;
mod privacy;
mod qa;
mod rate_limits;
mod resets;
mod seed;
mod sign_in_limits;
mod sites;
mod support;
