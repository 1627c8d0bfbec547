//! Merge fields in message templates: `{{first_name}}` (or `{{ first_name }}`) becomes each
//! recipient's own value. A template is checked once with [`fields_used`] when it is written,
//! then [`merge`]d once per recipient, in a single pass.

mod pieces;

use pieces::{pieces, Piece};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A value that can be merged into a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MergeField {
    FirstName,
    GroupName,
    EventLink,
    EventTitle,
    UnsubscribeLink,
}

impl MergeField {
    /// Every merge field, in the order they are offered to writers.
    pub const ALL: [MergeField; 5] = [
        MergeField::FirstName,
        MergeField::GroupName,
        MergeField::EventLink,
        MergeField::EventTitle,
        MergeField::UnsubscribeLink,
    ];

    /// The name written between the braces, e.g. `first_name`.
    pub fn name(self) -> &'static str {
        match self {
            MergeField::FirstName => "first_name",
            MergeField::GroupName => "group_name",
            MergeField::EventLink => "event_link",
            MergeField::EventTitle => "event_title",
            MergeField::UnsubscribeLink => "unsubscribe_link",
        }
    }

    /// The field written as `name` between the braces, if there is one.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.name() == name)
    }
}

/// A template that cannot be merged: a field we do not know, or `{{` never closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeError {
    /// What was written between the braces (or after an unclosed `{{`).
    pub field: String,
    /// True when `{{` has no `}}` after it.
    pub unclosed: bool,
}

impl MergeError {
    /// What to tell the writer, e.g. "{{frist_name}} is not a merge field. Use one of …".
    pub fn message(&self) -> String {
        if self.unclosed {
            return "A merge field is not closed: add }}".to_string();
        }
        let known: Vec<String> = MergeField::ALL.iter().map(|f| braced(f.name())).collect();
        format!(
            "{} is not a merge field. Use one of {}.",
            braced(&self.field),
            known.join(", ")
        )
    }
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for MergeError {}

fn braced(name: &str) -> String {
    ["{{", name, "}}"].concat()
}

/// One recipient's values for every merge field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeValues {
    pub first_name: String,
    pub group_name: String,
    pub event_link: Option<String>,
    pub event_title: Option<String>,
    pub unsubscribe_link: String,
}

impl MergeValues {
    fn get(&self, field: MergeField) -> &str {
        match field {
            MergeField::FirstName => &self.first_name,
            MergeField::GroupName => &self.group_name,
            MergeField::EventLink => self.event_link.as_deref().unwrap_or(""),
            MergeField::EventTitle => self.event_title.as_deref().unwrap_or(""),
            MergeField::UnsubscribeLink => &self.unsubscribe_link,
        }
    }
}

/// The distinct merge fields in `template`, in order of first use, or the first mistake.
pub fn fields_used(template: &str) -> Result<Vec<MergeField>, MergeError> {
    let mut used = Vec::new();
    for piece in pieces(template) {
        match piece {
            Piece::Text(_) => {}
            Piece::Field(name) => {
                let field = MergeField::from_name(name).ok_or_else(|| MergeError {
                    field: name.to_string(),
                    unclosed: false,
                })?;
                if !used.contains(&field) {
                    used.push(field);
                }
            }
            Piece::Unclosed(raw) => {
                return Err(MergeError {
                    field: raw[2..].trim().chars().take(40).collect(),
                    unclosed: true,
                })
            }
        }
    }
    Ok(used)
}

/// `template` with each merge field replaced by its value. Unknown fields and missing event
/// values become empty, and an unclosed `{{` stays as written: check with [`fields_used`] first.
pub fn merge(template: &str, values: &MergeValues) -> String {
    let mut merged = String::with_capacity(template.len() + 64);
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) | Piece::Unclosed(text) => merged.push_str(text),
            Piece::Field(name) => {
                if let Some(field) = MergeField::from_name(name) {
                    merged.push_str(values.get(field));
                }
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> MergeValues {
        MergeValues {
            first_name: "Priya".into(),
            group_name: "Leeds Renters".into(),
            event_link: Some("https://example.org/e/7".into()),
            event_title: None,
            unsubscribe_link: "https://example.org/u/abc".into(),
        }
    }

    #[test]
    fn every_field_is_found_by_its_name() {
        for field in MergeField::ALL {
            assert_eq!(MergeField::from_name(field.name()), Some(field));
        }
        assert_eq!(MergeField::from_name("First_Name"), None);
    }

    #[test]
    fn fields_are_listed_once_in_order_of_first_use() {
        let used = fields_used("{{group_name}}: hi {{ first_name }}, {{group_name}} again");
        assert_eq!(used, Ok(vec![MergeField::GroupName, MergeField::FirstName]));
    }

    #[test]
    fn a_template_without_fields_uses_none() {
        assert_eq!(fields_used("Just text, with a } and a {."), Ok(vec![]));
    }

    #[test]
    fn a_misspelt_field_is_named_with_the_choices() {
        let err = fields_used("Hi {{ frist_name }}").unwrap_err();
        assert_eq!(err.field, "frist_name");
        assert_eq!(
            err.message(),
            "{{frist_name}} is not a merge field. Use one of {{first_name}}, {{group_name}}, \
             {{event_link}}, {{event_title}}, {{unsubscribe_link}}."
        );
    }

    #[test]
    fn an_unclosed_field_is_a_mistake() {
        let err = fields_used("Hi {{first_name, see you").unwrap_err();
        assert!(err.unclosed);
        assert_eq!(err.field, "first_name, see you");
        assert_eq!(err.message(), "A merge field is not closed: add }}");
    }

    #[test]
    fn a_field_opened_again_before_closing_is_unclosed() {
        let err = fields_used("{{first_name {{group_name}}").unwrap_err();
        assert!(err.unclosed);
        assert_eq!(err.field, "first_name");
    }

    #[test]
    fn merging_fills_in_each_field_with_or_without_spaces() {
        let merged = merge(
            "Hi {{first_name}}, {{ group_name }} meets: {{event_link}}",
            &values(),
        );
        assert_eq!(
            merged,
            "Hi Priya, Leeds Renters meets: https://example.org/e/7"
        );
    }

    #[test]
    fn missing_and_unknown_fields_merge_as_nothing() {
        assert_eq!(merge("[{{event_title}}][{{nope}}]", &values()), "[][]");
    }

    #[test]
    fn an_unclosed_field_is_left_as_written() {
        assert_eq!(merge("Hi {{first_name", &values()), "Hi {{first_name");
    }

    #[test]
    fn text_around_fields_keeps_its_accents_and_emoji() {
        assert_eq!(
            merge("Diolch {{first_name}} 🎉é", &values()),
            "Diolch Priya 🎉é"
        );
    }
}
