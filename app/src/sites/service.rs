//! The Web Creator's services: who may edit a site, drafts and their blocks, publishing
//! and revisions, the published pages as visitors get them (cached per process), the
//! "stay in touch" form, widget form tokens, the sitemap and oEmbed.

pub mod access;
pub mod cache;
pub mod drafts;
pub mod form_tokens;
pub mod image_store;
pub mod images;
pub mod joins;
pub mod oembed;
pub mod published;
pub mod publishing;
pub mod sitemap;
pub mod visitors;
