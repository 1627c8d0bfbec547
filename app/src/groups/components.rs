//! Group widgets used by more than one page.

pub mod done_notice;
pub mod group_card;
pub mod member_list;
pub mod member_tools;
pub mod post_item;
