//! The profile's "Your data" section: download everything, or delete the account.

use crate::{
    auth::session::use_session,
    privacy::api::{my_downloads, DeleteAccount, PrepareDownload},
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// Download and erasure, side by side.
#[component]
pub fn YourDataSection() -> impl IntoView {
    view! {
        <DownloadSection />
        <DeleteAccountSection />
    }
}

#[component]
fn DownloadSection() -> impl IntoView {
    let prepare = ServerAction::<PrepareDownload>::new();
    let error = Signal::derive(move || prepare.value().get().and_then(Result::err));
    let downloads = Resource::new(move || prepare.version().get(), |_| my_downloads());
    view! {
        <section class="card narrow" id="your-data" aria-labelledby="your-data-heading">
            <h2 id="your-data-heading">"Download your data"</h2>
            <QueryNotice key="download" text="Your download is ready below." />
            <p>"A ZIP file with everything we hold about you: a readable summary, and the same data as JSON and CSV. The link works for 24 hours, and only for you. " <a href="/privacy">"What we hold, and why"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    downloads.await.ok().filter(|list| !list.is_empty()).map(|list| view! {
                        <ul class="plain-list">
                            {list.into_iter().map(|d| view! {
                                <li><a href=d.href download="membersnet-data.zip">"Download your data (ZIP)"</a> <span class="muted">" · works until " {d.until}</span></li>
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
            <FormError error=error />
            <ActionForm action=prepare>
                <TextField label="Confirm your password" name="password" id="download-password" kind="password" autocomplete="current-password" error=error required=true />
                <SubmitButton label="Prepare my download" pending=prepare.pending() />
            </ActionForm>
        </section>
    }
}

/// The profile's "Delete your account" section.
#[component]
fn DeleteAccountSection() -> impl IntoView {
    let session = use_session();
    let delete = ServerAction::<DeleteAccount>::new();
    session.refresh_after(delete);
    let delete_error = Signal::derive(move || delete.value().get().and_then(Result::err));
    view! {
        <section class="card narrow danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete your account"</h2>
            <p>"This removes your account and everything about you from MembersNet, at once and for good. Your places at events pass to anyone waiting. Where you said not to contact you, we keep only a one-way scrambled copy of your address, so you are never added again by mistake."</p>
            <FormError error=delete_error />
            <ActionForm action=delete>
                <TextField label="Your password, to confirm" name="password" id="delete-password" kind="password" autocomplete="current-password" error=delete_error required=true />
                <SubmitButton label="Delete my account" class="button button-danger" pending=delete.pending() />
            </ActionForm>
        </section>
    }
}
