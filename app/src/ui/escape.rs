//! Escaping for text that strangers type, wherever the page or an email writes it raw.

/// `text` made safe to put in HTML, in element content or a quoted attribute.
pub fn html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Serialised JSON made safe inside a `<script>` element: `<`, `>` and `&` become JSON's
/// own `\u003c`-style escapes, so no `</script>`, `<!--` or `]]>` can end or hide the
/// element, and the data parses to the same value. U+2028 and U+2029 are escaped too, for
/// readers that treat the block as JavaScript.
pub fn json_in_script(json: &str) -> String {
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => escaped.push_str("\\u003c"),
            '>' => escaped.push_str("\\u003e"),
            '&' => escaped.push_str("\\u0026"),
            '\u{2028}' => escaped.push_str("\\u2028"),
            '\u{2029}' => escaped.push_str("\\u2029"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// `value` as one CSV field: quoted, and with spreadsheet formulas defused (a name like
/// "=HYPERLINK(…)" gets a leading apostrophe).
pub fn csv_field(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

/// One CSV line of `fields`, each made safe by `csv_field`, ended as CSV ends lines.
pub fn csv_row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut row = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    row.push_str("\r\n");
    row
}

/// `text` made safe as a value in a link's query: everything but the unreserved
/// characters percent-encoded (so `&`, `#`, `+` and spaces cannot change the link).
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Sam \"The Man\""), "\"Sam \"\"The Man\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
    }

    #[test]
    fn html_escapes_every_character_that_can_open_markup_or_end_an_attribute() {
        assert_eq!(
            html(r#"</title><a href="x" title='y'>&"#),
            "&lt;/title&gt;&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;"
        );
    }

    #[test]
    fn json_in_script_has_no_angle_brackets_or_ampersands_and_parses_to_the_same_value() {
        let value = serde_json::json!({ "name": "</script><!-- & ]]> \u{2028}" });
        let escaped = json_in_script(&value.to_string());
        assert!(!escaped.contains(['<', '>', '&', '\u{2028}']));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn query_values_carry_any_text_safely() {
        assert_eq!(
            query_value("Tea & cake? 50% off <b>"),
            "Tea%20%26%20cake%3F%2050%25%20off%20%3Cb%3E"
        );
        assert_eq!(query_value("Café"), "Caf%C3%A9");
        assert_eq!(query_value("a-b_c.d~e"), "a-b_c.d~e");
    }
}
