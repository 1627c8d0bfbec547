//! Group sites and widgets as HTML, drawn on the server with no WASM: a published page is
//! the same for every visitor (so it can be cached), and a widget must be small. Values
//! go through Leptos's views, which escape them; the few head tags written by hand go
//! through `ui::escape`.

pub mod blocks;
pub mod forms;
pub mod site_page;
pub mod widgets;

pub use crate::ui::plain_form::to_html;
