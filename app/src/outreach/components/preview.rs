//! What one recipient of a draft would get, as saved.

use crate::outreach::{api::preview_message, model::PreviewView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The preview of the saved draft, for the first person in the audience or for the one
/// named in `?as=` (a plain GET form, so it works without JavaScript).
#[component]
pub fn PreviewSection(id: i32) -> impl IntoView {
    let query = use_query_map();
    let recipient = move || {
        query
            .read()
            .get("as")
            .map(|address| address.trim().to_string())
            .filter(|address| !address.is_empty())
    };
    let preview = Resource::new(
        move || (id, recipient()),
        |(id, recipient)| preview_message(id, recipient),
    );
    let current = query.read_untracked().get("as").unwrap_or_default();
    let path = format!("/messages/{id}");
    view! {
        <section class="card preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"Preview"</h2>
            <form class="preview-as" method="get" action=path>
                <div class="field">
                    <label for="field-as">"Preview as (email address of a recipient)"</label>
                    <input id="field-as" type="email" name="as" value=current autocomplete="off" />
                </div>
                <button type="submit" class="button button-ghost">"Preview"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Loading the preview…"</p> }>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(preview) => view! { <PreviewBox preview /> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn PreviewBox(preview: PreviewView) -> impl IntoView {
    let PreviewView {
        recipient,
        subject,
        html,
        text,
    } = preview;
    view! {
        <dl class="preview-facts">
            <dt>"To"</dt>
            <dd>{recipient}</dd>
            {(!subject.is_empty()).then(|| view! { <dt>"Subject"</dt> <dd>{subject.clone()}</dd> })}
        </dl>
        {match html {
            // The server rendered and cleaned this HTML (see `compose::email_body`).
            Some(html) => view! { <div class="preview-email" role="region" aria-label="The email as it will arrive" inner_html=html></div> }.into_any(),
            None => view! { <pre class="preview-text">{text}</pre> }.into_any(),
        }}
    }
    .into_any()
}
