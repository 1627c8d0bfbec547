//! What one recipient of a draft would get, following the words as they are typed.

use super::compose_state::ComposeState;
use crate::outreach::{api::preview_message, model::PreviewView};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

/// How long typing must pause before the preview is drawn again.
const SETTLE: Duration = Duration::from_millis(400);

/// The preview of the draft as typed, for the first person in the audience or for the one
/// named in `?as=` (an address or part of a name: a plain GET form, so it works without
/// JavaScript, when it shows the saved words).
#[component]
pub fn PreviewSection(id: i32, state: ComposeState) -> impl IntoView {
    let query = use_query_map();
    let recipient = move || {
        query
            .read()
            .get("as")
            .map(|who| who.trim().to_string())
            .filter(|who| !who.is_empty())
    };
    // The words once typing pauses, so a preview is not fetched for every key.
    let typed = Memo::new(move |_| (state.subject.get(), state.body.get()));
    let settled = RwSignal::new(typed.get_untracked());
    let round = StoredValue::new(0u64);
    Effect::new(move |_| {
        let words = typed.get();
        round.update_value(|r| *r += 1);
        let mine = round.get_value();
        // The composer may be gone by then (saved and redrawn): then nothing is done.
        set_timeout(
            move || {
                let latest = round.try_get_value() == Some(mine);
                if latest && settled.try_get_untracked().is_some_and(|now| now != words) {
                    settled.try_set(words);
                }
            },
            SETTLE,
        );
    });
    let preview = Resource::new(
        move || (id, recipient(), settled.get()),
        |(id, recipient, (subject, body))| {
            preview_message(id, recipient, Some(subject), Some(body))
        },
    );
    let current = query.read_untracked().get("as").unwrap_or_default();
    let path = format!("/messages/{id}");
    view! {
        <section class="card preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"Preview"</h2>
            <form class="preview-as" method="get" action=path.clone()>
                <div class="field">
                    <label for="field-as">"Preview as (a name or email address in the audience)"</label>
                    <input id="field-as" type="search" name="as" value=current autocomplete="off" />
                </div>
                <button type="submit" class="button button-ghost">"Preview"</button>
            </form>
            <Suspense fallback=|| view! { <p>"Loading the preview…"</p> }>
                {move || {
                    let path = path.clone();
                    Suspend::new(async move {
                        match preview.await {
                            Ok(preview) => view! { <PreviewBox preview path /> }.into_any(),
                            Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn PreviewBox(preview: PreviewView, path: String) -> impl IntoView {
    let PreviewView {
        recipient,
        subject,
        html,
        text,
        also_matching,
    } = preview;
    let others = (!also_matching.is_empty()).then(|| {
        view! {
            <p class="muted small">
                "Also matching: "
                {also_matching
                    .into_iter()
                    .map(|(who, address)| {
                        let href = format!("{path}?as={}", address.replace('+', "%2B"));
                        view! { <a class="also-matching" href=href>{who}</a> " " }
                    })
                    .collect_view()}
            </p>
        }
    });
    view! {
        <dl class="preview-facts">
            <dt>"To"</dt>
            <dd>{recipient}</dd>
            {(!subject.is_empty()).then(|| view! { <dt>"Subject"</dt> <dd>{subject.clone()}</dd> })}
        </dl>
        {others}
        {match html {
            // The server rendered and cleaned this HTML (see `compose::email_body`).
            Some(html) => view! { <div class="preview-email" role="region" aria-label="The email as it will arrive" inner_html=html></div> }.into_any(),
            None => view! { <pre class="preview-text">{text}</pre> }.into_any(),
        }}
    }
    .into_any()
}
