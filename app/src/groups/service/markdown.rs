//! Markdown to safe HTML for forum posts: rendered once when a post is saved.

use ammonia::Builder;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

/// Renders Markdown and removes everything that could run script or track readers:
/// script and style elements, event-handler attributes, `javascript:` and `data:` links,
/// and images (which could load from anywhere).
pub fn render_markdown(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(source, options));
    sanitise_html(&raw)
}

/// Keeps only harmless markup (ammonia's allow-list, minus images); links get
/// `rel="nofollow noopener noreferrer"`.
pub fn sanitise_html(html: &str) -> String {
    Builder::default()
        .rm_tags(["img"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// A quotation of `author`'s post, in Markdown, to go before a reply.
pub fn quote_block(author: &str, body: &str) -> String {
    let mut quoted = format!("> **{author} wrote:**\n>\n");
    for line in body.lines().take(20) {
        quoted.push_str("> ");
        quoted.push_str(line);
        quoted.push('\n');
    }
    quoted.push('\n');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = render_markdown("**Canvass** on *Saturday*\n\n- leaflets\n- boards");
        assert!(html.contains("<strong>Canvass</strong>"));
        assert!(html.contains("<em>Saturday</em>"));
        assert!(html.contains("<li>leaflets</li>"));
    }

    #[test]
    fn script_tags_are_removed_with_their_content() {
        let html = render_markdown("Hi <script>alert('x')</script> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert"), "{html}");
        assert!(html.contains("Hi"));
    }

    #[test]
    fn event_handler_attributes_are_removed() {
        let html = render_markdown(
            r#"<a href="https://example.org" onclick="steal()">x</a> <b onmouseover="steal()">y</b>"#,
        );
        assert!(
            !html.contains("onclick") && !html.contains("onmouseover"),
            "{html}"
        );
        assert!(html.contains(r#"href="https://example.org""#), "{html}");
    }

    #[test]
    fn javascript_and_data_links_do_not_survive() {
        for link in [
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        ] {
            let html = render_markdown(link);
            let lower = html.to_lowercase();
            assert!(
                !lower.contains("javascript:") && !lower.contains("data:"),
                "{link} → {html}"
            );
        }
    }

    #[test]
    fn nested_markup_cannot_smuggle_script() {
        let html = render_markdown(
            "<div><p><svg><script>alert(1)</script></svg><iframe src=\"https://evil.example\"></iframe><scr<script>ipt>alert(2)</script></p></div>",
        );
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("<iframe"), "{html}");
        assert!(!lower.contains("<svg"), "{html}");
    }

    #[test]
    fn images_and_styles_are_dropped_and_links_are_marked() {
        let html = render_markdown(
            "![x](https://tracker.example/p.gif) <style>body{}</style> [site](https://example.org)",
        );
        assert!(!html.contains("<img") && !html.contains("<style"), "{html}");
        assert!(
            html.contains(r#"rel="nofollow noopener noreferrer""#),
            "{html}"
        );
    }

    #[test]
    fn quotes_name_the_author_and_quote_each_line() {
        let quoted = quote_block("Sam", "first\nsecond");
        assert_eq!(quoted, "> **Sam wrote:**\n>\n> first\n> second\n\n");
        assert!(render_markdown(&quoted).contains("<blockquote>"));
    }
}
