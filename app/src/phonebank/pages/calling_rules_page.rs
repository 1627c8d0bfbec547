use crate::{
    error::AppError,
    phonebank::{
        api::{calling_rules, SetCallingWindow, UploadTps},
        model::CallingRulesView,
    },
    ui::{
        form::{FormError, SubmitButton, TextArea, TextField},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// Staff only: the TPS screening every phonebank relies on, and the party's calling hours.
#[component]
pub fn CallingRulesPage() -> impl IntoView {
    let upload = ServerAction::<UploadTps>::new();
    let window = ServerAction::<SetCallingWindow>::new();
    let rules = Resource::new(
        move || upload.version().get() + window.version().get(),
        |_| calling_rules(),
    );
    let query = use_query_map();
    let uploaded = move || {
        let q = query.read();
        q.get("numbers").map(|n| {
            format!(
                "Screening saved: {n} numbers listed ({} lines were not numbers).",
                q.get("unreadable").unwrap_or_default()
            )
        })
    };
    view! {
        <PageTitle text="Calling rules · MembersNet" />
        <section class="container">
            <h1>"Calling rules"</h1>
            {move || uploaded().map(|text| view! { <p class="notice notice-success" role="status">{text}</p> })}
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match rules.await {
                        Ok(rules) => view! { <Rules rules upload window /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Rules(
    rules: CallingRulesView,
    upload: ServerAction<UploadTps>,
    window: ServerAction<SetCallingWindow>,
) -> impl IntoView {
    let upload_error = Signal::derive(move || upload.value().get().and_then(Result::err));
    let window_error = Signal::derive(move || window.value().get().and_then(Result::err));
    let split = |hours: &str| {
        let (from, until) = hours.split_once('-').unwrap_or(("", ""));
        (from.to_string(), until.to_string())
    };
    let (weekdays_from, weekdays_until) = split(&rules.weekdays);
    let (sunday_from, sunday_until) = split(&rules.sunday);
    let screening = match (&rules.screening, rules.screening_counts) {
        (Some(text), true) => format!("Latest screening: {text}. It counts for 28 days from its date."),
        (Some(text), false) => format!("Latest screening: {text}. It is more than 28 days old: people without consent to calls cannot be called until you upload a new one."),
        (None, _) => "No screening yet: only people who agreed to calls can be called.".to_string(),
    };
    view! {
        <h2>"Telephone Preference Service"</h2>
        <p>{screening}</p>
        <FormError error=upload_error />
        <ActionForm action=upload>
            <TextField label="Date of the screening" name="screened_on" kind="date" error=upload_error required=true />
            <TextArea label="The TPS file" name="file" error=upload_error hint="Paste the register as the TPS supplies it: one number per line. It replaces the last screening." />
            <SubmitButton label="Save the screening" pending=upload.pending() />
        </ActionForm>
        <h2>"Calling hours (London time)"</h2>
        <FormError error=window_error />
        <ActionForm action=window>
            <TextField label="Monday to Saturday from" name="weekdays_from" kind="time" error=window_error value=weekdays_from required=true />
            <TextField label="Monday to Saturday until" name="weekdays_until" kind="time" error=window_error value=weekdays_until required=true />
            <TextField label="Sunday from" name="sunday_from" kind="time" error=window_error value=sunday_from required=true />
            <TextField label="Sunday until" name="sunday_until" kind="time" error=window_error value=sunday_until required=true />
            <SubmitButton label="Save the calling hours" pending=window.pending() />
        </ActionForm>
    }
}
