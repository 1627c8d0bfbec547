//! The call script: Markdown in sections (each starts at a `## ` heading), with merge
//! fields filled for each call.

use crate::error::AppError;

/// The merge fields a script may use.
pub const MERGE_FIELDS: [&str; 5] = [
    "first_name",
    "caller_first_name",
    "group_name",
    "event_title",
    "event_link",
];

/// The longest script kept.
pub const MAX_SCRIPT_CHARS: usize = 20_000;

/// The values filled into one call's script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeValues {
    pub first_name: String,
    pub caller_first_name: String,
    pub group_name: String,
    pub event_title: String,
    pub event_link: String,
}

impl MergeValues {
    fn get(&self, field: &str) -> Option<&str> {
        Some(match field {
            "first_name" => &self.first_name,
            "caller_first_name" => &self.caller_first_name,
            "group_name" => &self.group_name,
            "event_title" => &self.event_title,
            "event_link" => &self.event_link,
            _ => return None,
        })
    }
}

/// The script's sections: (heading, Markdown body). Text before the first heading is a
/// section headed "Introduction".
pub fn sections(source: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            out.push((heading.trim().to_string(), String::new()));
            continue;
        }
        if out.is_empty() {
            if line.trim().is_empty() {
                continue;
            }
            out.push(("Introduction".to_string(), String::new()));
        }
        if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

/// Checks a script's length and that every `{{field}}` is one we fill.
pub fn check_script(source: &str) -> Result<(), AppError> {
    if source.trim().is_empty() {
        return Err(AppError::invalid("script", "Write what callers say."));
    }
    if source.chars().count() > MAX_SCRIPT_CHARS {
        return Err(AppError::invalid(
            "script",
            "A script has at most 20,000 characters.",
        ));
    }
    let mut rest = source;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let field = after[..end].trim();
        if !MERGE_FIELDS.contains(&field) {
            return Err(AppError::invalid(
                "script",
                format!(
                    "“{{{{{field}}}}}” is not a merge field. Use {}.",
                    MERGE_FIELDS.map(|f| format!("{{{{{f}}}}}")).join(", ")
                ),
            ));
        }
        rest = &after[end + 2..];
    }
    Ok(())
}

/// Fills merge fields into already-rendered HTML, escaping each value: a contact's name is
/// whatever a stranger typed.
pub fn fill_html(html: &str, values: &MergeValues) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after
            .find("}}")
            .and_then(|end| Some((end, values.get(after[..end].trim())?)))
        {
            Some((end, value)) => {
                out.push_str(&escape_html(value));
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_splits_at_its_headings() {
        let got = sections("Hello {{first_name}}.\n## Ask\nWill you vote?\n## Close\nThanks!");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, "Introduction");
        assert_eq!(got[1], ("Ask".to_string(), "Will you vote?\n".to_string()));
    }

    #[test]
    fn unknown_merge_fields_are_refused() {
        assert!(check_script("Hi {{first_name}}, I'm {{caller_first_name}}").is_ok());
        let err = check_script("Hi {{surname}}").unwrap_err();
        assert!(err.message_for("script").unwrap().contains("{{surname}}"));
    }

    #[test]
    fn merge_values_are_escaped_where_they_land() {
        let values = MergeValues {
            first_name: "<b>Ann</b>".into(),
            ..Default::default()
        };
        assert_eq!(
            fill_html("<p>Hi {{first_name}} {{nope}}</p>", &values),
            "<p>Hi &lt;b&gt;Ann&lt;/b&gt; {{nope}}</p>"
        );
    }
}
