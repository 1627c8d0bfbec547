//! Guests (no account): ask for an emailed link, then download or erase what is held
//! under the address.

use crate::{
    privacy::api::{guest_data, EraseGuestData, SendGuestLink},
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// Asks for a link by email.
#[component]
pub fn GuestRequestPage() -> impl IntoView {
    let action = ServerAction::<SendGuestLink>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Your data · MembersNet" />
        <section class="card narrow">
            <h1>"See or erase your data"</h1>
            <QueryNotice key="sent" text="We have emailed a link to that address. It works for 24 hours." />
            <p>"Signed up to an event without an account? Enter the email address you used and we will send it a link to download everything we hold under it, or to erase it."</p>
            <p>"Have an account? " <a href="/profile#your-data">"Use your profile"</a> " instead."</p>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Email address" name="email" kind="email" autocomplete="email" error=error required=true />
                <SubmitButton label="Email me a link" pending=action.pending() />
            </ActionForm>
            <p><a href="/privacy">"Read our privacy notice"</a></p>
        </section>
    }
}

/// What an emailed link opens: download, or erase.
#[component]
pub fn GuestDataPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let found = Resource::new(token, guest_data);
    let erase = ServerAction::<EraseGuestData>::new();
    let error = Signal::derive(move || erase.value().get().and_then(Result::err));
    let understood_error = move || error.get().and_then(|e| e.message_for("understood"));
    view! {
        <PageTitle text="Your data · MembersNet" />
        <section class="card narrow">
            <h1>"Your data"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(link) => view! {
                            <p>"This link proves you own " <strong>{link.email.clone()}</strong> ". It works until " {link.until.clone()} "."</p>
                            <h2>"Download"</h2>
                            <p>"A ZIP file with a readable summary and the same data as JSON and CSV: your sign-ups, your choices about emails and texts with the words you were shown, and the messages we sent you."</p>
                            <p><a class="button" href=link.download_href.clone() download="membersnet-data.zip">"Download your data"</a></p>
                            <h2>"Erase"</h2>
                            <p>"This cancels your places at events (passing them to anyone waiting) and removes everything held under this address. If you told us not to contact you, we keep only a one-way scrambled copy of the address, so it is never added again by mistake."</p>
                            <FormError error=error />
                            <ActionForm action=erase>
                                <input type="hidden" name="token" value=token() />
                                <div class="field field-checkbox" class:field-invalid=move || understood_error().is_some()>
                                    {move || understood_error().map(|text| view! { <p class="field-error" id="understood-error">{text}</p> })}
                                    <input
                                        id="field-understood"
                                        type="checkbox"
                                        name="understood"
                                        value="yes"
                                        aria-invalid=move || if understood_error().is_some() { "true" } else { "false" }
                                        aria-describedby=move || understood_error().map(|_| "understood-error")
                                    />
                                    <label for="field-understood">"I understand this cannot be undone"</label>
                                </div>
                                <SubmitButton label="Erase my data" class="button button-danger" pending=erase.pending() />
                            </ActionForm>
                        }.into_any(),
                        Err(err) => view! {
                            <p class="notice notice-error" role="alert">{err.to_string()}</p>
                            <p><a href="/privacy/guest">"Ask for a new link"</a></p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// After a guest's erasure.
#[component]
pub fn GuestErasedPage() -> impl IntoView {
    view! {
        <PageTitle text="Erased · MembersNet" />
        <section class="card narrow">
            <h1>"Your data has been erased"</h1>
            <p role="status">"We have cancelled your places and removed what we held under your address."</p>
            <p><a href="/">"Back to MembersNet"</a></p>
        </section>
    }
}
