//! Pieces of the outreach pages: the composer's fields, preview, sending and progress,
//! and the notices the pages share.

pub mod action_error;
pub mod audience_field;
pub mod body_field;
pub mod compose_form;
pub mod compose_state;
pub mod done_notice;
pub mod load_error;
pub mod merge_help;
pub mod message_actions;
pub mod preview;
pub mod send_controls;
pub mod send_progress;
pub mod template_form;
