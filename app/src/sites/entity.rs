pub mod form_use;
pub mod join;
pub mod page;
pub mod revision;
pub mod site;
