//! Suggestion pages and the home page's short list.

mod suggested_page;

pub use suggested_page::{SuggestedPage, SuggestionList};
