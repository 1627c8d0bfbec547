//! Every transactional email rendered with made-up values, for the staff preview page and
//! for the test that every template renders.

use super::{
    model::EmailPreview,
    templates::{render, Template},
};
use crate::error::AppResult;
use minijinja::{context, Value};

const SITE: &str = "https://members.example.org";

/// Made-up values of the shape the code passes to `template`.
pub fn sample_values(template: Template) -> Value {
    let event_url = format!("{SITE}/events/12-door-knocking-in-ancoats");
    let title = "Door knocking in Ancoats";
    let when = "Sat 12 Dec, 10am–12pm";
    match template {
        Template::ConfirmAddress => context! {
            name => "Sam Patel", days => 7, link => format!("{SITE}/account/confirm/0123abcd"),
        },
        Template::AccountExists => context! { site_url => SITE },
        Template::ResetPassword => context! {
            name => "Sam Patel", link => format!("{SITE}/reset-password/0123abcd"),
        },
        Template::SignUp => context! {
            name => "Sam Patel", confirmed => true, title, when, event_url,
            cancel_link => format!("{SITE}/cancel/0123abcd"),
            confirm_link => format!("{SITE}/consent/confirm/0123abcd"),
        },
        Template::ConfirmConsent => context! {
            name => "Sam Patel", title, confirm_link => format!("{SITE}/consent/confirm/0123abcd"),
        },
        Template::PlaceCameUp => context! { name => "Sam Patel", title, when, event_url },
        Template::ToAttendees => context! {
            name => "Sam Patel", subject => "Changed: Door knocking in Ancoats",
            message => "The time or place of this event has changed. Please check the details before you set off.",
            paragraphs => vec!["The time or place of this event has changed. Please check the details before you set off."],
            title, event_url,
        },
        Template::EventDecision => {
            context! { name => "Hana Host", approved => true, title, event_url }
        }
        Template::CohostInvite => context! {
            name => "Priya Shah", inviter => "Hana Host", title, event_url,
        },
        Template::GroupInvite => context! {
            sender => "Manchester Central Local Party", inviter => "Hana Host",
            group => "Manchester Central Local Party",
            description => "Campaigning across the city centre, Ancoats and Hulme.",
            link => format!("{SITE}/groups/invite/0123abcd"),
        },
        Template::ForumPost => context! {
            sender => "Manchester Central Local Party", new_thread => true, author => "Hana Host",
            thread_title => "Leaflets for Saturday", group => "Manchester Central Local Party",
            post_url => format!("{SITE}/groups/manchester-central/forum/4"),
            group_url => format!("{SITE}/groups/manchester-central"),
        },
        Template::ForumDigest => context! {
            sender => "Manchester Central Local Party", group => "Manchester Central Local Party",
            threads => vec![
                context! { title => "Leaflets for Saturday", posts => "3 new posts", url => format!("{SITE}/groups/manchester-central/forum/4") },
                context! { title => "Lifts to the count", posts => "1 new post", url => format!("{SITE}/groups/manchester-central/forum/5") },
            ],
            group_url => format!("{SITE}/groups/manchester-central"),
        },
        Template::FriendInvite => context! {
            inviter => "Sam Patel", link => format!("{SITE}/friends/invite/0123abcd"),
        },
        Template::Reminder => context! {
            name => "Sam Patel", title, when, event_url, preferences_url => format!("{SITE}/preferences"),
        },
        Template::ThankYou => context! {
            name => "Sam Patel", title, site_url => SITE, preferences_url => format!("{SITE}/preferences"),
        },
        Template::JoinConfirm => context! {
            name => "Sam Patel", sender => "Sheffield Central Local Party",
            confirm_link => format!("{SITE}/consent/confirm/0123abcd"),
        },
        Template::QaRecord => context! {
            title => "Ask Jo Evans MP", link => format!("{SITE}/qa/1"), preferences_url => format!("{SITE}/preferences"),
        },
        Template::DonationReceipt => context! {
            name => "Sam Patel", title => "Sheffield Central's election fund", amount => "£25",
            monthly => true, when => "Thu 7 Nov, 7pm",
            manage_link => format!("{SITE}/donate/manage/0123abcd"),
        },
        Template::FundraisingConfirm => context! {
            name => "Sam Patel", title => "Sheffield Central's election fund",
            confirm_link => format!("{SITE}/consent/confirm/0123abcd"),
        },
        Template::CheckReminder => context! {
            day => 20, count => 2, link => format!("{SITE}/treasurer"),
        },
        Template::YourData => context! {
            email => "sam@example.org",
            link => format!("{SITE}/privacy/guest/0123abcd"),
        },
    }
}

/// Every template rendered with its sample values.
pub fn all_previews() -> AppResult<Vec<EmailPreview>> {
    Template::all()
        .map(|template| {
            let email = render(template, sample_values(template))?;
            Ok(EmailPreview {
                name: template.name().replace('_', " "),
                subject: email.subject,
                text: email.text,
                html_body: body_of(&email.html).to_string(),
            })
        })
        .collect()
}

/// The inside of an HTML document's body, to show within the preview page.
fn body_of(html: &str) -> &str {
    let start = html.find("<body>").map_or(0, |at| at + "<body>".len());
    let end = html.rfind("</body>").unwrap_or(html.len());
    html.get(start..end).unwrap_or(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_both_parts_with_a_subject_and_the_sign_off() {
        let previews = all_previews().unwrap();
        assert_eq!(previews.len(), Template::all().count());
        for preview in previews {
            assert!(!preview.subject.is_empty(), "{}", preview.name);
            assert!(!preview.subject.contains('\n'), "{}", preview.name);
            assert!(
                preview.text.contains("\n— "),
                "{}: {}",
                preview.name,
                preview.text
            );
            assert!(!preview.text.contains("{{"), "{}", preview.name);
            assert!(
                !preview.text.contains("\n\n\n"),
                "{}: {:?}",
                preview.name,
                preview.text
            );
            assert!(preview.html_body.contains("<p>"), "{}", preview.name);
        }
    }

    #[test]
    fn values_are_escaped_in_html_and_kept_in_text_and_the_sender_is_the_callers() {
        let hostile = "<script>alert(1)</script> & co";
        let email = render(
            Template::CohostInvite,
            context! { name => hostile, inviter => "Hana", title => "Stall", event_url => "https://x/e/1", sender => "Hulme Group" },
        )
        .unwrap();
        assert!(email.text.contains(hostile));
        assert!(!email.html.contains("<script>"));
        assert!(email.html.contains("&lt;script&gt;"));
        assert!(email.text.contains("— Hulme Group"), "{}", email.text);
        let default = render(Template::AccountExists, context! { site_url => SITE }).unwrap();
        assert!(default.text.contains("— MembersNet"), "{}", default.text);
    }

    #[test]
    fn the_text_part_keeps_the_wording_line_for_line() {
        let email = render(
            Template::ResetPassword,
            context! { name => "Sam", link => "https://x/reset-password/abc" },
        )
        .unwrap();
        assert_eq!(email.subject, "Reset your MembersNet password");
        assert_eq!(
            email.text,
            "Hello Sam,\n\nSomeone asked to reset the password for your MembersNet account. \
             If it was you, choose a new password here (the link works once, for an hour):\n\n\
             https://x/reset-password/abc\n\n\
             If it was not you, ignore this email: your password has not changed.\n\n\
             — MembersNet\n"
        );
    }
}
