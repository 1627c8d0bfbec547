//! The treasurer's tables and the queue's forms.

use crate::{
    error::AppError,
    fundraising::{
        api::RecordCheck,
        model::{
            books::{AuditRow, DonationRow, QueueRow, ReportLine, SplitAlert},
            format_pounds, Status,
        },
    },
    ui::form::{FormError, SubmitButton},
};
use leptos::{form::ActionForm, prelude::*};

fn status_label(status: &str) -> &'static str {
    Status::parse(status).map_or("Unknown", Status::label)
}

#[component]
pub fn QueueList(
    rows: Vec<QueueRow>,
    check: ServerAction<RecordCheck>,
    check_error: Signal<Option<AppError>>,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"Nothing waits for a check."</p> }.into_any();
    }
    view! {
        <FormError error=check_error />
        <ul class="card-list">
            {rows.into_iter().map(|row| {
                let d = row.donation;
                let id = d.id;
                let register_id = format!("register-{id}");
                let reference_id = format!("reference-{id}");
                let late = row.day >= 20;
                let label = format!("{} from {}", format_pounds(d.amount_pence), d.donor_name);
                let heading = format!("{} from {}", format_pounds(d.amount_pence), d.donor_name);
                view! {
                    <li class="card" aria-label=label>
                        <h3>{heading}</h3>
                        <p>{format!("{} · {} {} · to {}", d.donor_email, d.donor_address, d.donor_postcode, d.recipient)}</p>
                        <p class:notice-attention=late>{format!("Day {} of 30: check by {}.", row.day, row.deadline)}</p>
                        <p>{if row.donor_confirmed { "The donor confirmed they are a permissible donor." } else { "The donor did not confirm (an offline gift, or under £500 when given)." }}</p>
                        <ActionForm action=check>
                            <input type="hidden" name="donation_id" value=id />
                            <div class="field">
                                <label for=register_id.clone()>"Register checked"</label>
                                <input id=register_id name="register" required=true />
                            </div>
                            <div class="field">
                                <label for=reference_id.clone()>"Reference"</label>
                                <input id=reference_id name="reference" required=true />
                            </div>
                            <fieldset>
                                <legend>"Decision"</legend>
                                <div class="field-radio">
                                    <input type="radio" id=format!("accept-{id}") name="decision" value="accept" checked=true />
                                    <label for=format!("accept-{id}")>"Accept: the donor is permissible"</label>
                                </div>
                                <div class="field-radio">
                                    <input type="radio" id=format!("return-{id}") name="decision" value="return" />
                                    <label for=format!("return-{id}")>"Return: refund the gift"</label>
                                </div>
                            </fieldset>
                            <SubmitButton label="Record the check" pending=check.pending() />
                        </ActionForm>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn DonationsTable(rows: Vec<DonationRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"No gifts match."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption class="visually-hidden">"Gifts"</caption>
                <thead><tr>
                    <th scope="col">"Given"</th><th scope="col">"Donor"</th><th scope="col">"To"</th>
                    <th scope="col">"Amount"</th><th scope="col">"Received"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.given}</td>
                            <td>{r.donor_name}<br /><span class="muted">{r.donor_email}</span></td>
                            <td>{r.recipient}<br /><span class="muted">{r.page_title}</span></td>
                            <td>{format!("{}{}", format_pounds(r.amount_pence), if r.frequency == "monthly" { " a month" } else { "" })}</td>
                            <td>{format_pounds(r.received_pence)}</td>
                            <td>{status_label(&r.status)}{r.offline_note.map(|n| format!(" ({n})"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
pub fn ReportsTable(rows: Vec<ReportLine>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"Nothing to report."</p> }.into_any();
    }
    view! {
        <table class="data-table">
            <thead><tr><th scope="col">"Quarter"</th><th scope="col">"To"</th><th scope="col">"Donor"</th><th scope="col">"Total"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr>
                        <td>{format!("Q{} {}", r.quarter, r.year)}</td>
                        <td>{r.recipient}</td>
                        <td>{format!("{}, {} {}", r.donor_name, r.donor_address, r.donor_postcode)}</td>
                        <td>{format!("{} in {} gifts", format_pounds(r.total_pence), r.gifts)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn SplitList(rows: Vec<SplitAlert>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"No gifts look split."</p> }.into_any();
    }
    view! {
        <ul>
            {rows.into_iter().map(|s| view! {
                <li class="notice notice-attention">{format!(
                    "{} gifts from {} ({}) within 30 days come to {}: check them as one gift.",
                    s.donation_ids.len(), s.donor, s.by, format_pounds(s.total_pence)
                )}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn AuditTable(rows: Vec<AuditRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="empty">"Nothing yet."</p> }.into_any();
    }
    view! {
        <table class="data-table">
            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr><td>{r.when}</td><td>{r.who}</td><td>{format!("{}: {}", r.action, r.detail)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
