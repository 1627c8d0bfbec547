//! Transactional emails from template files (`mail/templates/`). Each email is
//! `<name>.txt` (its subject block and the plain text) and `<name>.html`, both extending
//! the shared layout, which signs it from the party or a group; emails that are not
//! strictly transactional fill the layout's footer with why they came and how to stop
//! them. Rendered with minijinja: the HTML part escapes every value, the text part keeps
//! them as typed. The files are compiled in, so a missing one fails the build.

use super::queue_email_parts;
use crate::error::{AppError, AppResult};
use minijinja::{Environment, Value};
use sea_orm::ConnectionTrait;
use std::sync::OnceLock;

/// Who signs an email when the caller names nobody.
pub const DEFAULT_SENDER: &str = "MembersNet";

/// Every transactional email, by its template's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    ConfirmAddress,
    AccountExists,
    ResetPassword,
    SignUp,
    ConfirmConsent,
    PlaceCameUp,
    ToAttendees,
    EventDecision,
    CohostInvite,
    GroupInvite,
    ForumPost,
    ForumDigest,
    FriendInvite,
    Reminder,
    ThankYou,
    YourData,
    QaRecord,
    JoinConfirm,
    DonationReceipt,
    FundraisingConfirm,
    CheckReminder,
}

/// (template, name, text file, HTML file), in the order staff see them.
const FILES: &[(Template, &str, &str, &str)] = &[
    (
        Template::ConfirmAddress,
        "confirm_address",
        include_str!("templates/confirm_address.txt"),
        include_str!("templates/confirm_address.html"),
    ),
    (
        Template::AccountExists,
        "account_exists",
        include_str!("templates/account_exists.txt"),
        include_str!("templates/account_exists.html"),
    ),
    (
        Template::ResetPassword,
        "reset_password",
        include_str!("templates/reset_password.txt"),
        include_str!("templates/reset_password.html"),
    ),
    (
        Template::SignUp,
        "signup",
        include_str!("templates/signup.txt"),
        include_str!("templates/signup.html"),
    ),
    (
        Template::ConfirmConsent,
        "confirm_consent",
        include_str!("templates/confirm_consent.txt"),
        include_str!("templates/confirm_consent.html"),
    ),
    (
        Template::PlaceCameUp,
        "place_came_up",
        include_str!("templates/place_came_up.txt"),
        include_str!("templates/place_came_up.html"),
    ),
    (
        Template::ToAttendees,
        "to_attendees",
        include_str!("templates/to_attendees.txt"),
        include_str!("templates/to_attendees.html"),
    ),
    (
        Template::EventDecision,
        "event_decision",
        include_str!("templates/event_decision.txt"),
        include_str!("templates/event_decision.html"),
    ),
    (
        Template::CohostInvite,
        "cohost_invite",
        include_str!("templates/cohost_invite.txt"),
        include_str!("templates/cohost_invite.html"),
    ),
    (
        Template::GroupInvite,
        "group_invite",
        include_str!("templates/group_invite.txt"),
        include_str!("templates/group_invite.html"),
    ),
    (
        Template::ForumPost,
        "forum_post",
        include_str!("templates/forum_post.txt"),
        include_str!("templates/forum_post.html"),
    ),
    (
        Template::ForumDigest,
        "forum_digest",
        include_str!("templates/forum_digest.txt"),
        include_str!("templates/forum_digest.html"),
    ),
    (
        Template::FriendInvite,
        "friend_invite",
        include_str!("templates/friend_invite.txt"),
        include_str!("templates/friend_invite.html"),
    ),
    (
        Template::Reminder,
        "reminder",
        include_str!("templates/reminder.txt"),
        include_str!("templates/reminder.html"),
    ),
    (
        Template::ThankYou,
        "thank_you",
        include_str!("templates/thank_you.txt"),
        include_str!("templates/thank_you.html"),
    ),
    (
        Template::YourData,
        "your_data",
        include_str!("templates/your_data.txt"),
        include_str!("templates/your_data.html"),
    ),
    (
        Template::QaRecord,
        "qa_record",
        include_str!("templates/qa_record.txt"),
        include_str!("templates/qa_record.html"),
    ),
    (
        Template::JoinConfirm,
        "join_confirm",
        include_str!("templates/join_confirm.txt"),
        include_str!("templates/join_confirm.html"),
    ),
    (
        Template::DonationReceipt,
        "donation_receipt",
        include_str!("templates/donation_receipt.txt"),
        include_str!("templates/donation_receipt.html"),
    ),
    (
        Template::FundraisingConfirm,
        "fundraising_confirm",
        include_str!("templates/fundraising_confirm.txt"),
        include_str!("templates/fundraising_confirm.html"),
    ),
    (
        Template::CheckReminder,
        "check_reminder",
        include_str!("templates/check_reminder.txt"),
        include_str!("templates/check_reminder.html"),
    ),
];

/// Pieces the emails include or extend.
const SHARED: &[(&str, &str)] = &[
    ("layout.txt", include_str!("templates/layout.txt")),
    ("layout.html", include_str!("templates/layout.html")),
    (
        "consent_lines.txt",
        include_str!("templates/consent_lines.txt"),
    ),
    (
        "consent_lines.html",
        include_str!("templates/consent_lines.html"),
    ),
];

impl Template {
    /// Every template, in the order staff see them.
    pub fn all() -> impl Iterator<Item = Template> {
        FILES.iter().map(|(template, ..)| *template)
    }

    /// The template's file name, without its extension.
    pub fn name(self) -> &'static str {
        FILES
            .iter()
            .find(|(template, ..)| *template == self)
            .map(|(_, name, ..)| *name)
            .unwrap_or_default()
    }
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut env = Environment::new();
        // Block tags on lines of their own leave no blank lines behind in the text part.
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        let files = FILES.iter().flat_map(|(_, name, text, html)| {
            [
                (format!("{name}.txt"), *text),
                (format!("{name}.html"), *html),
            ]
        });
        let shared = SHARED
            .iter()
            .map(|(name, source)| (name.to_string(), *source));
        for (name, source) in shared.chain(files) {
            // The sources are compiled in; a template that does not parse is a bug the
            // test of every template catches.
            if let Err(err) = env.add_template_owned(name.clone(), source) {
                tracing::error!(template = %name, error = %err, "email template does not parse");
            }
        }
        env
    })
}

/// Renders `template` with `values` (a minijinja context; `sender` defaults to the party).
pub fn render(template: Template, values: Value) -> AppResult<Email> {
    let sender = Value::from_serialize(serde_json::json!({ "sender": DEFAULT_SENDER }));
    let values = minijinja::context! { ..values, ..sender };
    let failed = |err: minijinja::Error| {
        tracing::error!(template = template.name(), error = %err, "email template failed");
        AppError::Internal
    };
    let env = environment();
    let text = env
        .get_template(&format!("{}.txt", template.name()))
        .map_err(failed)?;
    // One render gives the text part and the state its subject block renders from.
    let mut captured = text.render_captured(&values).map_err(failed)?;
    let subject = captured
        .with_state_mut(|state| state.render_block("subject"))
        .map_err(failed)?;
    let text = captured.into_output();
    let html = env
        .get_template(&format!("{}.html", template.name()))
        .and_then(|html| html.render(&values))
        .map_err(failed)?;
    Ok(Email {
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        text: format!("{}\n", text.trim()),
        html,
    })
}

/// Renders `template` and queues it to `to`. Call it inside the transaction of the
/// change that causes it.
pub async fn queue_templated(
    db: &impl ConnectionTrait,
    to: &str,
    template: Template,
    values: Value,
) -> AppResult<()> {
    let email = render(template, values)?;
    queue_email_parts(db, to, &email.subject, &email.text, Some(&email.html)).await
}
