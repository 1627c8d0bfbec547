use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    outreach::{
        api::{get_unsubscribe, Unsubscribe},
        model::UnsubscribeView,
    },
    ui::form::{FormError, SubmitButton},
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The page an email's unsubscribe link opens. No sign-in: the link's token is the key.
/// Opening it changes nothing (mail scanners follow links); the button unsubscribes.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let action = ServerAction::<Unsubscribe>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let details = Resource::new(
        move || (token(), action.version().get()),
        |(token, _)| get_unsubscribe(token),
    );
    view! {
        <PageTitle text="Unsubscribe · MembersNet" />
        <section class="card narrow">
            <h1>"Unsubscribe"</h1>
            <FormError error=error />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let done = query.read_untracked().get("done").as_deref() == Some("1");
                    let token = params.read_untracked().get("token").unwrap_or_default();
                    match details.await {
                        Ok(view) if done || !view.subscribed => view! { <Unsubscribed view /> }.into_any(),
                        Ok(view) => view! { <UnsubscribeForm view token action /> }.into_any(),
                        Err(AppError::NotFound) => view! {
                            <p class="notice notice-error" role="alert">"This unsubscribe link is not valid."</p>
                        }
                        .into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn Unsubscribed(view: UnsubscribeView) -> impl IntoView {
    let text = format!(
        "{} will get no more emails from {}.",
        view.masked_email, view.scope_label
    );
    view! {
        <p class="notice notice-success" role="status">{text}</p>
        <p><a href="/preferences">"Manage all your preferences (sign in)"</a></p>
    }
    .into_any()
}

#[component]
fn UnsubscribeForm(
    view: UnsubscribeView,
    token: String,
    action: ServerAction<Unsubscribe>,
) -> impl IntoView {
    let question = format!(
        "Stop emails from {} to {}?",
        view.scope_label, view.masked_email
    );
    view! {
        <p>{question}</p>
        <ActionForm action=action>
            <input type="hidden" name="token" value=token />
            <SubmitButton label="Unsubscribe" pending=action.pending() />
        </ActionForm>
    }
    .into_any()
}
