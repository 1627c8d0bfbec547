//! Donation pages, their thanks, a monthly donor's page and the donate widget, drawn on
//! the server with no WASM (values escaped by Leptos's views; the head by `ui::escape`).
//! The thermometer updates itself from `/donate/{slug}/live` with a few lines of script.

use crate::{
    fundraising::{
        model::{
            format_pounds, Thermometer, FUNDRAISING_EMAIL_WORDING, PERMISSIBLE_WORDING,
            THERMOMETER_RULES,
        },
        service::{manage::MonthlyGift, pages::DonationPage},
    },
    ui::{
        escape,
        plain_form::{field, form_error, tick_box, to_html, Echo},
    },
};
use leptos::prelude::*;

/// The script that keeps a thermometer current.
pub const THERMOMETER_JS: &str = include_str!("thermometer.js");

/// What the page's frame needs.
pub struct Frame<'a> {
    pub public_url: &'a str,
    pub stylesheet: &'a str,
    /// Who the money goes to ("Sheffield Central Local Party", or the party).
    pub recipient: &'a str,
}

fn document(frame: &Frame, title: &str, description: &str, path: &str, body: String) -> String {
    let base = frame.public_url.trim_end_matches('/');
    let e = escape::html;
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><meta name=\"description\" content=\"{description}\">\
         <link rel=\"canonical\" href=\"{url}\">\
         <meta property=\"og:type\" content=\"website\"><meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{description}\"><meta property=\"og:url\" content=\"{url}\">\
         <link rel=\"stylesheet\" href=\"{css}\">\
         <script src=\"/donate/thermometer.js\" defer></script></head>{body}</html>",
        title = e(title),
        description = e(description),
        url = e(&format!("{base}{path}")),
        css = e(frame.stylesheet),
    )
}

/// The thermometer: figures, a bar, and the rules it counts by.
pub fn thermometer_view(slug: &str, thermometer: &Thermometer) -> impl IntoView {
    let percent = thermometer.percent();
    view! {
        <section class="thermometer" data-live=format!("/donate/{slug}/live") aria-label="Raised so far">
            <p class="thermometer-figures" aria-live="polite">
                <strong data-raised="">{format_pounds(thermometer.raised_pence)}</strong>
                {format!(" raised of a {} target, from ", format_pounds(thermometer.target_pence))}
                <span data-gifts="">{gifts_text(thermometer.gifts)}</span>
            </p>
            <progress max="100" value=percent aria-label="Share of the target raised">{format!("{percent}%")}</progress>
            <p class="thermometer-rules">{THERMOMETER_RULES}</p>
        </section>
    }
}

/// "1 gift", "12 gifts".
fn gifts_text(gifts: i64) -> String {
    if gifts == 1 {
        "1 gift".to_string()
    } else {
        format!("{gifts} gifts")
    }
}

/// What a thermometer's watchers are sent.
pub fn thermometer_update(thermometer: &Thermometer) -> String {
    serde_json::json!({
        "raised_text": format_pounds(thermometer.raised_pence),
        "percent": thermometer.percent(),
        "gifts": gifts_text(thermometer.gifts),
    })
    .to_string()
}

/// A donation page: story, thermometer and the form. `ready`: donations are set up.
pub fn donation_page_html(
    frame: &Frame,
    page: &DonationPage,
    thermometer: &Thermometer,
    echo: &Echo,
    ready: bool,
) -> String {
    let path = format!("/donate/{}", page.slug);
    let description = format!("Give to {}: {}", frame.recipient, page.title);
    let body = to_html(|| {
        view! {
            <body class="donate">
                <a class="skip-link" href="#main">"Skip to content"</a>
                <main id="main" class="container donate-main">
                    <p class="donate-recipient">{frame.recipient.to_string()}</p>
                    <h1>{page.title.clone()}</h1>
                    {thermometer_view(&page.slug, thermometer)}
                    <div class="donate-story" inner_html=page.story_html.clone()></div>
                    {donation_form(page, echo, ready)}
                </main>
            </body>
        }
    });
    document(frame, &page.title, &description, &path, body)
}

fn donation_form(page: &DonationPage, echo: &Echo, ready: bool) -> impl IntoView {
    let chosen = echo.value("amount");
    let amounts = page
        .suggested
        .iter()
        .map(|pence| {
            let id = format!("amount-{pence}");
            let value = pence.to_string();
            let checked = chosen == value;
            view! {
                <div class="field-radio">
                    <input type="radio" id=id.clone() name="amount" value=value checked=checked />
                    <label for=id>{format_pounds(*pence)}</label>
                </div>
            }
        })
        .collect_view();
    let amount_error = echo.message_for("amount");
    let amount_invalid = amount_error.is_some();
    let frequency_error = echo.message_for("frequency");
    let frequency_invalid = frequency_error.is_some();
    let monthly = echo.value("frequency") == "monthly";
    let permissible_error = echo.message_for("permissible");
    let permissible_invalid = permissible_error.is_some();
    let not_ready = (!ready).then(|| {
        view! {
            <p class="notice notice-attention" role="status">
                "Donations are not set up on this site yet: no payment provider is connected, so nothing can be taken."
            </p>
        }
    });
    view! {
        <form class="site-form donate-form" method="post" action=format!("/donate/{}", page.slug)>
            {not_ready}
            {form_error(echo)}
            <fieldset class:field-invalid=amount_invalid>
                <legend>"How much?"</legend>
                {amount_error.map(|m| view! { <p class="field-error" id="amount-error">{m}</p> })}
                <div class="amount-choices">
                    {amounts}
                    <div class="field-radio">
                        <input type="radio" id="amount-other" name="amount" value="other" checked=chosen == "other" />
                        <label for="amount-other">"Another amount"</label>
                    </div>
                </div>
                <div class="field">
                    <label for="donate-other_amount">{format!("Another amount in pounds (£1 to {})", format_pounds(page.max_pence))}</label>
                    <input id="donate-other_amount" name="other_amount" inputmode="decimal" value=echo.value("other_amount") />
                </div>
            </fieldset>
            <fieldset class:field-invalid=frequency_invalid>
                <legend>"How often?"</legend>
                {frequency_error.map(|m| view! { <p class="field-error">{m}</p> })}
                <div class="field-radio">
                    <input type="radio" id="frequency-one-off" name="frequency" value="one-off" checked=!monthly />
                    <label for="frequency-one-off">"Once"</label>
                </div>
                <div class="field-radio">
                    <input type="radio" id="frequency-monthly" name="frequency" value="monthly" checked=monthly />
                    <label for="frequency-monthly">"Every month, until I stop it"</label>
                </div>
            </fieldset>
            {field("donate", "Your name", "name", "text", "name", true, echo)}
            {field("donate", "Email address", "email", "email", "email", true, echo)}
            {field("donate", "Home address (first line and town)", "address", "text", "street-address", true, echo)}
            {field("donate", "Postcode", "postcode", "text", "postal-code", true, echo)}
            <div class="field field-checkbox" class:field-invalid=permissible_invalid>
                {permissible_error.map(|m| view! { <p class="field-error" id="donate-permissible-error">{m}</p> })}
                <input id="donate-permissible" type="checkbox" name="permissible" value="yes" checked=echo.ticked("permissible") />
                <label for="donate-permissible">{PERMISSIBLE_WORDING}" (Needed when your gifts to us this year come to more than £500.)"</label>
            </div>
            {tick_box("donate", "fundraising_emails", FUNDRAISING_EMAIL_WORDING, echo)}
            <p class="hint">"You pay on our payment provider's secure page: your card or bank details never reach us."</p>
            <button type="submit" class="button">"Continue to payment"</button>
        </form>
    }
}

/// After the provider's checkout.
pub fn thanks_html(frame: &Frame, page: &DonationPage, thermometer: &Thermometer) -> String {
    let path = format!("/donate/{}/thanks", page.slug);
    let body = to_html(|| {
        view! {
            <body class="donate">
                <main id="main" class="container donate-main">
                    <h1>"Thank you"</h1>
                    <p role="status">"Your gift is on its way. We email a receipt as soon as the payment is confirmed (for a Direct Debit, that can take a few days)."</p>
                    {thermometer_view(&page.slug, thermometer)}
                    <p><a href=format!("/donate/{}", page.slug)>{format!("Back to {}", page.title)}</a></p>
                </main>
            </body>
        }
    });
    document(frame, "Thank you", &page.title, &path, body)
}

/// A monthly donor's page, from their emailed link: change the amount, or stop.
pub fn manage_html(
    frame: &Frame,
    token: &str,
    gift: &MonthlyGift,
    echo: &Echo,
    done: Option<&str>,
) -> String {
    let path = format!("/donate/manage/{token}");
    let running = matches!(
        gift.status,
        crate::fundraising::model::Status::Active | crate::fundraising::model::Status::Failed
    );
    let body = to_html(|| {
        view! {
            <body class="donate">
                <main id="main" class="container donate-main">
                    <h1>"Your monthly gift"</h1>
                    {done.map(|d| view! { <p class="notice notice-success" role="status">{d.to_string()}</p> })}
                    {form_error(echo)}
                    <p>{format!("{} a month to {}.", format_pounds(gift.amount_pence), gift.page_title)}</p>
                    {if running {
                        view! {
                            <form class="site-form" method="post" action=format!("{path}/amount")>
                                {field("manage", "New monthly amount in pounds", "amount", "text", "off", true, echo)}
                                <button type="submit" class="button">"Change my monthly amount"</button>
                            </form>
                            <form class="site-form" method="post" action=format!("{path}/cancel")>
                                <button type="submit" class="button button-secondary">"Stop my monthly gift"</button>
                            </form>
                        }.into_any()
                    } else {
                        view! { <p>"This monthly gift has stopped: nothing more will be taken."</p> }.into_any()
                    }}
                </main>
            </body>
        }
    });
    document(
        frame,
        "Your monthly gift",
        "Change or stop a monthly gift",
        &path,
        body,
    )
}

/// The donate widget (and the Web Creator's donate block): the thermometer and a button
/// to the donation page, opened in a new tab (a checkout never runs inside a frame).
pub fn donate_box(page: &DonationPage, thermometer: &Thermometer, new_tab: bool) -> impl IntoView {
    view! {
        <div class="donate-box">
            <h2>{page.title.clone()}</h2>
            {thermometer_view(&page.slug, thermometer)}
            <p>
                <a class="button" href=format!("/donate/{}", page.slug) target=new_tab.then_some("_blank") rel=new_tab.then_some("noopener")>
                    "Donate"<span class="visually-hidden">{format!(" to {}", page.title)}</span>
                </a>
            </p>
        </div>
    }
}

/// `/donate`: every open appeal, each with its thermometer.
pub fn index_html(frame: &Frame, appeals: &[(DonationPage, Thermometer)]) -> String {
    let body = to_html(|| {
        view! {
            <body class="donate">
                <a class="skip-link" href="#main">"Skip to content"</a>
                <main id="main" class="container donate-main">
                    <p><a href="/">"MembersNet"</a></p>
                    <h1>"Give to the campaign"</h1>
                    {if appeals.is_empty() {
                        view! { <p class="empty">"There are no appeals open just now."</p> }.into_any()
                    } else {
                        appeals.iter().map(|(page, thermometer)| view! {
                            <div class="site-block">{donate_box(page, thermometer, false)}</div>
                        }).collect_view().into_any()
                    }}
                </main>
            </body>
        }
    });
    document(
        frame,
        "Give to the campaign",
        "Appeals you can give to",
        "/donate",
        body,
    )
}
