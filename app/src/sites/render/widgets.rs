//! The widgets other sites embed in an iframe: a list of events, one event's sign-up form,
//! and a group's "stay in touch" form. Each is a small HTML document with its own small
//! stylesheet and script (no WASM, no cookies); the script tells the embedding page the
//! widget's height.

use super::{
    blocks::event_list,
    forms::{join_form, sign_up_form, Echo},
    to_html,
};
use crate::{
    events::model::{EventCard, EventDetail},
    fundraising::{model::Thermometer, render::donate_box, service::pages::DonationPage},
    sites::model::Accent,
    ui::escape,
};
use leptos::prelude::*;

/// What a widget document says around its content.
pub struct Frame<'a> {
    pub title: &'a str,
    pub accent: &'a str,
    pub public_url: &'a str,
}

fn document(frame: &Frame, body: String) -> String {
    let base = escape::html(frame.public_url.trim_end_matches('/'));
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"responsive-embedded-sizing\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/embed/widget.css\">\
         <script src=\"/embed/widget.js\" defer></script></head>\
         <body class=\"widget site-accent-{accent}\">{body}\
         <p class=\"widget-credit\"><a href=\"{base}\" target=\"_blank\" rel=\"noopener\">MembersNet</a></p>\
         </body></html>",
        title = escape::html(frame.title),
        accent = Accent::named(frame.accent).name,
    )
}

/// An appeal's thermometer and a button to give, opened in a new tab (a checkout never
/// runs inside a frame); its figures follow the appeal's live stream.
pub fn donate_widget(frame: &Frame, page: &DonationPage, thermometer: &Thermometer) -> String {
    let body = to_html(|| donate_box(page, thermometer, true));
    document(
        frame,
        format!("{body}<script src=\"/donate/thermometer.js\" defer></script>"),
    )
}

/// A list of upcoming events.
pub fn event_list_widget(frame: &Frame, heading: &str, events: &[EventCard]) -> String {
    let body = to_html(|| {
        view! {
            <h1>{heading.to_string()}</h1>
            {event_list(events)}
        }
    });
    document(frame, body)
}

/// One event and its sign-up form (or what came of signing up).
pub fn sign_up_widget(
    frame: &Frame,
    detail: &EventDetail,
    token: Option<String>,
    echo: &Echo,
    done: Option<&str>,
) -> String {
    let action = format!("/embed/events/{}", detail.card.id);
    let body = to_html(|| {
        let outcome = done.map(|status| {
            let text = if status == "waitlisted" {
                "The event is full, so you are on the waitlist: we will email you if a place comes up."
            } else {
                "You are signed up. We have emailed you the details."
            };
            view! { <p class="notice notice-success" role="status">{text}</p> }
        });
        let form = token.map(|t| sign_up_form(action, &detail.slots, Some(t), echo));
        view! {
            <h1><a href=detail.card.path.clone() target="_blank" rel="noopener">{detail.card.title.clone()}</a></h1>
            <p>{format!("{} · {}", detail.card.when, detail.card.place)}</p>
            {outcome}
            {form}
        }
    });
    document(frame, body)
}

/// A group's "stay in touch" form (or the thanks once sent).
pub fn join_widget(frame: &Frame, group_slug: &str, token: Option<String>, echo: &Echo) -> String {
    let action = format!("/embed/groups/{group_slug}/join");
    let body = to_html(|| {
        let thanks = token.is_none().then(|| view! {
            <p class="notice notice-success" role="status">"Thank you: we have your details. If you ticked a box, check your email to confirm."</p>
        });
        view! {
            <h1>{format!("Stay in touch with {}", frame.title)}</h1>
            {thanks}
            {token.map(|t| join_form(action, Some(t), echo))}
        }
    });
    document(frame, body)
}

/// A widget that cannot be shown (no such event or group).
pub fn missing_widget(frame: &Frame, text: &str) -> String {
    let body = to_html(|| view! { <p class="empty">{text.to_string()}</p> });
    document(frame, body)
}

/// The widgets' stylesheet: small, readable, in the site's accents.
pub const WIDGET_CSS: &str = include_str!("widget.css");

/// Runs inside a widget: tells the embedding page the widget's height whenever it changes.
/// The height is no secret, so any parent may hear it.
pub const WIDGET_JS: &str = "(function(){function s(){parent.postMessage({membersnet:'height',height:document.documentElement.scrollHeight},'*')}\
addEventListener('load',s);if(window.ResizeObserver){new ResizeObserver(s).observe(document.body)}})();";

/// Runs on the embedding page (the snippet's script): sizes each MembersNet iframe from
/// the height its widget sends, heeding messages only from this site and only from the
/// frame they claim to be.
pub const RESIZE_JS: &str = "(function(){var o=new URL(document.currentScript.src).origin;\
addEventListener('message',function(e){if(e.origin!==o||!e.data||e.data.membersnet!=='height')return;\
var h=Number(e.data.height);if(!(h>0&&h<20000))return;\
document.querySelectorAll('iframe[data-membersnet-widget]').forEach(function(f){if(f.contentWindow===e.source){f.style.height=h+'px'}})})})();";
