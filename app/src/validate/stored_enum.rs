//! `stored_enum!`: a closed set of values that a form posts and a table stores as text,
//! parsed once at the edge. Domains declare their own sets with it.

/// Declares the enum, its stored (and posted) text, and `parse` from that text.
macro_rules! stored_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $value:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "String(sea_orm::entity::prelude::StringLen::None)"))]
        pub enum $name {
            $(#[cfg_attr(feature = "ssr", sea_orm(string_value = $value))] $variant,)*
        }

        impl $name {
            /// The stored value, and the one forms post.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value,)* }
            }

            /// What a form posted, if it is one of these.
            pub fn parse(value: &str) -> Option<Self> {
                match value { $($value => Some($name::$variant),)* _ => None }
            }
        }
    };
}

pub(crate) use stored_enum;
