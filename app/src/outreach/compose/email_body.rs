//! The two parts of a multipart email, made from a message already merged for one
//! recipient: plain text (the Markdown as written) and HTML (the Markdown rendered, made
//! safe, in a plain single-column layout that reads well and passes contrast checks).

use crate::groups::service::markdown::render_markdown;
use crate::ui::escape::html as escape;
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

// Inline styles, because many mail clients drop <style>. #1a1a1a and #0b57d0 on white
// are well above the 4.5:1 that WCAG AA asks of body text.
const BODY_STYLE: &str = "margin:0;padding:0;background-color:#ffffff;color:#1a1a1a;";
const ARTICLE_STYLE: &str = "max-width:600px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background-color:#ffffff;";
const HEADING_STYLE: &str = "margin:0 0 24px;font-size:22px;line-height:1.3;color:#1a1a1a;";
const RULE_STYLE: &str = "border:0;border-top:1px solid #cccccc;margin:32px 0 16px;";
const FOOT_STYLE: &str = "margin:0;font-size:14px;color:#4a4a4a;";
const LINK_STYLE: &str = "color:#0b57d0;";
const STYLES: [&str; 6] = [
    BODY_STYLE,
    ARTICLE_STYLE,
    HEADING_STYLE,
    RULE_STYLE,
    FOOT_STYLE,
    LINK_STYLE,
];

/// The Content-Security-Policy sources that let pages show an email as it will arrive
/// (previews): exactly these style attributes, by hash, and no other inline style.
pub fn style_sources() -> &'static str {
    static SOURCES: OnceLock<String> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let hashes: Vec<String> = STYLES
            .iter()
            .map(|style| format!("'sha256-{}'", STANDARD.encode(Sha256::digest(style))))
            .collect();
        format!("'unsafe-hashes' {}", hashes.join(" "))
    })
}

/// The plain-text and HTML parts of one email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailParts {
    pub text: String,
    pub html: String,
}

/// Both parts of an email from `group_name` whose body is `markdown`, each ending with why
/// the recipient is getting it and how to stop.
pub fn render_email(
    subject: &str,
    markdown: &str,
    group_name: &str,
    unsubscribe_url: &str,
) -> EmailParts {
    EmailParts {
        text: render_text(markdown, group_name, unsubscribe_url),
        html: render_html(subject, markdown, group_name, unsubscribe_url),
    }
}

fn render_text(markdown: &str, group_name: &str, unsubscribe_url: &str) -> String {
    format!(
        "{}\n\n—\nYou are getting this because you agreed to hear from {group_name}.\n\
         Unsubscribe: {unsubscribe_url}\n",
        markdown.trim_end()
    )
}

fn render_html(subject: &str, markdown: &str, group_name: &str, unsubscribe_url: &str) -> String {
    let subject = escape(subject);
    let group = escape(group_name);
    let url = escape(unsubscribe_url);
    let body = render_markdown(markdown);
    format!(
        r#"<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{subject}</title>
</head>
<body style="{BODY_STYLE}">
<div role="article" aria-label="{subject}" style="{ARTICLE_STYLE}">
<h1 style="{HEADING_STYLE}">{group}</h1>
{body}
<hr style="{RULE_STYLE}">
<p style="{FOOT_STYLE}">You are getting this because you agreed to hear from {group}. <a href="{url}" style="{LINK_STYLE}">Unsubscribe</a></p>
</div>
</body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_attribute_in_the_email_is_one_the_policy_allows() {
        let html = email("Hi", "Leeds Renters").html;
        let used: Vec<&str> = html
            .split("style=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or_default())
            .collect();
        assert_eq!(used.len(), STYLES.len());
        assert!(used.iter().all(|style| STYLES.contains(style)), "{used:?}");
        assert!(style_sources().starts_with("'unsafe-hashes' 'sha256-"));
        assert_eq!(style_sources().matches("'sha256-").count(), 6);
        // The hash Chromium asked for when it refused the link's style attribute.
        assert!(style_sources().contains("'sha256-FhM2t7xsvMYefUUtNigAoaBf5NyXfWQmNoZkEGxOl8I='"));
    }

    const UNSUBSCRIBE: &str = "https://membersnet.example/unsubscribe?t=abc&g=7";

    fn email(markdown: &str, group_name: &str) -> EmailParts {
        render_email("Saturday's canvass", markdown, group_name, UNSUBSCRIBE)
    }

    #[test]
    fn script_in_the_markdown_does_not_reach_the_html() {
        let parts = email("Hi **all** <script>alert('x')</script>", "Leeds Renters");
        assert!(!parts.html.contains("<script"), "{}", parts.html);
        assert!(!parts.html.contains("alert"), "{}", parts.html);
        assert!(
            parts.html.contains("<strong>all</strong>"),
            "{}",
            parts.html
        );
    }

    #[test]
    fn the_html_footer_links_to_unsubscribe() {
        let html = email("Hi", "Leeds Renters").html;
        let footer = "you agreed to hear from Leeds Renters. \
                      <a href=\"https://membersnet.example/unsubscribe?t=abc&amp;g=7\"";
        assert!(html.contains(footer), "{html}");
        assert!(html.contains(">Unsubscribe</a>"), "{html}");
    }

    #[test]
    fn the_group_name_and_subject_are_escaped() {
        let parts = email("Hi", "Smith & Jones <Union>");
        assert!(
            parts.html.contains("Smith &amp; Jones &lt;Union&gt;</h1>"),
            "{}",
            parts.html
        );
        assert!(!parts.html.contains("<Union>"));
        assert!(parts.html.contains("<title>Saturday&#39;s canvass</title>"));
    }

    #[test]
    fn the_html_is_a_whole_english_document() {
        let html = email("Hi", "Leeds Renters").html;
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en-GB\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("max-width:600px"));
    }

    #[test]
    fn the_text_part_is_the_markdown_with_a_footer() {
        let parts = email("Hi **all**,\n\nSee you there.\n\n", "Leeds Renters");
        assert_eq!(
            parts.text,
            "Hi **all**,\n\nSee you there.\n\n—\n\
             You are getting this because you agreed to hear from Leeds Renters.\n\
             Unsubscribe: https://membersnet.example/unsubscribe?t=abc&g=7\n"
        );
    }
}
