//! Each block of a site's page, as visitors see it.

use super::forms::{join_form, sign_up_form, Echo};
use crate::{
    events::model::{EventCard, EventDetail},
    groups::service::markdown::render_markdown,
    sites::{
        model::{page_path, Block, SiteLink},
        service::published::BlockData,
    },
};
use leptos::prelude::*;

/// What the blocks of one page need besides themselves.
pub struct BlockContext<'a> {
    pub group_slug: &'a str,
    pub page_slug: &'a str,
    /// The join form as sent back, when it was refused.
    pub join: Option<&'a Echo>,
    /// The sign-up form as sent back, with its event, when it was refused.
    pub sign_up: Option<(i32, &'a Echo)>,
    /// The join form was just sent.
    pub joined: bool,
}

/// Draws `block` with what it shows from events.
pub fn block_view(block: &Block, data: &BlockData, cx: &BlockContext) -> AnyView {
    match (block, data) {
        (Block::Text { markdown }, _) => {
            view! { <div class="site-block site-text" inner_html=render_markdown(markdown)></div> }
                .into_any()
        }
        (Block::Events { heading, .. }, BlockData::Events(events)) => view! {
            <section class="site-block">
                {(!heading.is_empty()).then(|| view! { <h2>{heading.clone()}</h2> })}
                {event_list(events)}
            </section>
        }
        .into_any(),
        (Block::Event { .. }, BlockData::Event(detail)) => event_block(detail, cx).into_any(),
        (Block::Event { .. }, _) => view! {
            <p class="site-block empty">"This event is no longer open for sign-ups."</p>
        }
        .into_any(),
        (Block::Join { heading }, _) => {
            let fresh = Echo::default();
            let echo = cx.join.unwrap_or(&fresh);
            let action = format!("{}/join", page_path_for_forms(cx));
            view! {
                <section class="site-block site-join" id="join">
                    <h2>{if heading.is_empty() { "Stay in touch".to_string() } else { heading.clone() }}</h2>
                    {cx.joined.then(|| view! {
                        <p class="notice notice-success" role="status">"Thank you: we have your details. If you ticked a box, check your email to confirm."</p>
                    })}
                    {join_form(action, None, echo)}
                </section>
            }
            .into_any()
        }
        (Block::Contact { email, phone, address, links }, _)
            if !(email.is_empty() && phone.is_empty() && address.is_empty() && links.is_empty()) =>
        {
            contact_block(email, phone, address, links).into_any()
        }
        (Block::Button { label, target }, _) => view! {
            <p class="site-block"><a class="button site-button" href=page_path(cx.group_slug, target)>{label.clone()}</a></p>
        }
        .into_any(),
        (Block::Image { name, ext, width, height, alt }, _) if !name.is_empty() => {
            let copy = |w: u32| format!("/uploads/{name}-{w}.{ext}");
            let srcset = format!("{} 600w, {} 1200w", copy(600), copy(1200));
            view! {
                <figure class="site-block site-image">
                    <img src=copy(1200) srcset=srcset sizes="(max-width: 48rem) 100vw, 48rem"
                        width=*width height=*height alt=alt.clone() loading="lazy" decoding="async" />
                </figure>
            }
            .into_any()
        }
        (Block::Donate { .. }, BlockData::Donate(found)) => view! {
            <section class="site-block">{crate::fundraising::render::donate_box(&found.0, &found.1, false)}</section>
        }
        .into_any(),
        (Block::Events { .. } | Block::Image { .. } | Block::Contact { .. } | Block::Donate { .. }, _) => {
            ().into_any()
        }
    }
}

/// The address forms on this page post to (the home page by its slug).
fn page_path_for_forms(cx: &BlockContext) -> String {
    format!("/p/{}/{}", cx.group_slug, cx.page_slug)
}

/// A list of events, or a line saying there are none.
pub fn event_list(events: &[EventCard]) -> AnyView {
    if events.is_empty() {
        return view! { <p class="empty">"No events coming up just now."</p> }.into_any();
    }
    view! {
        <ul class="site-events">
            {events.iter().map(|e| view! {
                <li>
                    <a href=e.path.clone() target="_top">{e.title.clone()}</a>
                    <span class="muted">{format!(" {} · {}", e.when, e.place)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn event_block(detail: &EventDetail, cx: &BlockContext) -> impl IntoView {
    let fresh = Echo::default();
    let echo = cx
        .sign_up
        .filter(|(id, _)| *id == detail.card.id)
        .map_or(&fresh, |(_, echo)| echo);
    let action = format!(
        "{}/sign-up?event={}",
        page_path_for_forms(cx),
        detail.card.id
    );
    view! {
        <section class="site-block site-event" id=format!("event-{}", detail.card.id)>
            <h2><a href=detail.card.path.clone()>{detail.card.title.clone()}</a></h2>
            <p>{format!("{} · {}", detail.card.when, detail.card.place)}</p>
            {sign_up_form(action, &detail.slots, None, echo)}
        </section>
    }
}

fn contact_block(email: &str, phone: &str, address: &str, links: &[SiteLink]) -> impl IntoView {
    let email = (!email.is_empty()).then(|| {
        let href = format!("mailto:{email}");
        view! { <dt>"Email"</dt><dd><a href=href>{email.to_string()}</a></dd> }
    });
    let phone = (!phone.is_empty()).then(|| {
        let href = format!("tel:{}", phone.replace(' ', ""));
        view! { <dt>"Phone"</dt><dd><a href=href>{phone.to_string()}</a></dd> }
    });
    let address =
        (!address.is_empty()).then(|| view! { <dt>"Address"</dt><dd>{address.to_string()}</dd> });
    view! {
        <section class="site-block site-contact">
            <h2>"Contact us"</h2>
            <dl>{email}{phone}{address}</dl>
            {(!links.is_empty()).then(|| view! {
                <ul class="site-links">
                    {links.iter().map(|l| view! {
                        <li><a href=l.url.clone() rel="nofollow noopener noreferrer">{l.label.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
