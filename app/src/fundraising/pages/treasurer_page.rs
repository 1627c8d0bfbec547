use super::books_tables::{AuditTable, DonationsTable, QueueList, ReportsTable, SplitList};
use crate::{
    error::AppError,
    fundraising::{
        api::{treasurer_books, NameTreasurer, RecordCheck, RecordOfflineGift},
        model::{books::Books, Status},
    },
    ui::{
        escape::query_value,
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// The treasurer's books: the permissibility queue first, then gifts with filters and
/// their CSV, reports, split gifts, offline gifts and the log.
#[component]
pub fn TreasurerPage() -> impl IntoView {
    let query = use_query_map();
    let check = ServerAction::<RecordCheck>::new();
    let offline = ServerAction::<RecordOfflineGift>::new();
    let name = ServerAction::<NameTreasurer>::new();
    let filters = move || {
        let q = query.read();
        (
            q.get("status").unwrap_or_default(),
            q.get("donor").unwrap_or_default(),
            q.get("over").unwrap_or_default(),
        )
    };
    let books = Resource::new(
        move || {
            (
                filters(),
                check.version().get() + offline.version().get() + name.version().get(),
            )
        },
        |((status, donor, over), _)| treasurer_books(status, donor, over),
    );
    view! {
        <PageTitle text="Treasurer · MembersNet" />
        <section class="container treasurer">
            <h1>"Donations"</h1>
            <QueryNotice key="checked" text="Check recorded." />
            <QueryNotice key="recorded" text="Gift recorded: it counts on the thermometer now." />
            <QueryNotice key="named" text="Treasurer named." />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match books.await {
                        Ok(books) => view! { <BooksView books check offline name /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as a treasurer."</p> }.into_any(),
                        Err(AppError::Forbidden) => view! { <p class="notice notice-error" role="alert">"Only staff and a local party's named treasurer see donations."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn BooksView(
    books: Books,
    check: ServerAction<RecordCheck>,
    offline: ServerAction<RecordOfflineGift>,
    name: ServerAction<NameTreasurer>,
) -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    let (status, donor, over) = (
        q.get("status").unwrap_or_default(),
        q.get("donor").unwrap_or_default(),
        q.get("over").unwrap_or_default(),
    );
    let csv = format!(
        "/treasurer/donations.csv?status={}&donor={}&over={}",
        query_value(&status),
        query_value(&donor),
        query_value(&over)
    );
    let check_error = Signal::derive(move || check.value().get().and_then(Result::err));
    let offline_error = Signal::derive(move || offline.value().get().and_then(Result::err));
    let name_error = Signal::derive(move || name.value().get().and_then(Result::err));
    let staff = books.scope == "Every donation";
    let pages = books.pages.clone();
    view! {
        <p class="muted">{format!("Books: {}", books.scope)}</p>
        <h2>"Permissibility checks"</h2>
        <QueueList rows=books.queue check check_error />
        <h2>"Every gift"</h2>
        <form method="get" action="/treasurer" class="filters" role="search" aria-label="Filter donations">
            <div class="field">
                <label for="filter-status">"Status"</label>
                <select id="filter-status" name="status">
                    <option value="" selected=status.is_empty()>"Any"</option>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=status == s.as_str()>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-donor">"Donor's name or email"</label>
                <input id="filter-donor" name="donor" value=donor />
            </div>
            <div class="field">
                <label for="filter-over">"Over (£)"</label>
                <input id="filter-over" name="over" inputmode="decimal" value=over />
            </div>
            <button type="submit" class="button button-secondary">"Filter"</button>
        </form>
        <p><a href=csv rel="external" download="">"Download these as CSV"</a></p>
        <DonationsTable rows=books.donations />
        <h2>"To report"</h2>
        <p class="hint">"A donor's gifts in a calendar year over the reporting threshold (central party £11,180, then each further £2,230; a local party £2,230), by quarter."</p>
        <ReportsTable rows=books.reports />
        <p><a href="/treasurer/report.csv" rel="external" download="">"Download the report as CSV (Electoral Commission's columns)"</a></p>
        <h2>"Possible split gifts"</h2>
        <SplitList rows=books.splits />
        <h2>"Record a cheque or transfer"</h2>
        <FormError error=offline_error />
        {if pages.is_empty() {
            view! { <p class="empty">"No donation pages yet."</p> }.into_any()
        } else {
            view! {
                <ActionForm action=offline>
                    <div class="field">
                        <label for="field-page_id">"Donation page"</label>
                        <select id="field-page_id" name="page_id">
                            {pages.into_iter().map(|p| view! { <option value=p.id>{p.title}</option> }).collect_view()}
                        </select>
                    </div>
                    <TextField label="Donor's name" name="donor_name" error=offline_error required=true />
                    <TextField label="Donor's email" name="donor_email" kind="email" error=offline_error required=true />
                    <TextField label="Donor's home address" name="donor_address" error=offline_error required=true />
                    <TextField label="Donor's postcode" name="donor_postcode" error=offline_error required=true />
                    <TextField label="Amount (£)" name="amount" error=offline_error required=true />
                    <TextField label="How it came" name="note" error=offline_error required=true hint="Cheque number, or the transfer's reference." />
                    <SubmitButton label="Record gift" pending=offline.pending() />
                </ActionForm>
            }.into_any()
        }}
        {staff.then(|| view! {
            <h2>"Name a local party's treasurer"</h2>
            <FormError error=name_error />
            <ActionForm action=name>
                <TextField label="The group's address (as in /groups/…)" name="group" error=name_error required=true />
                <TextField label="The treasurer's account email" name="email" kind="email" error=name_error required=true />
                <SubmitButton label="Name treasurer" pending=name.pending() />
            </ActionForm>
        })}
        <h2>"Log"</h2>
        <AuditTable rows=books.audit />
    }
}
