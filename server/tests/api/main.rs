//! In-process tests of the router: every server function, pages and security layers.
//! They run on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set.

mod auth;
mod cli;
mod events;
mod friends;
mod groups;
mod outbox;
mod outreach;
mod pages;
mod people;
mod resets;
mod seed;
mod support;
