use crate::ui::page_title::PageTitle;
use crate::{error::AppError, mail::EmailPreview, outreach::api::list_email_previews};
use leptos::prelude::*;

/// Staff only: every email the site sends on its own (confirmations, reminders,
/// invitations…), rendered with sample values, its HTML part above its plain text.
#[component]
pub fn EmailPreviewsPage() -> impl IntoView {
    let previews = Resource::new(|| (), |_| list_email_previews());
    view! {
        <PageTitle text="Email templates · MembersNet" />
        <section class="container">
            <h1>"Email templates"</h1>
            <p class="lede">"Every email the site sends on its own, with made-up names and links. The wording lives in app/src/mail/templates/."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match previews.await {
                        Ok(list) => view! { <PreviewList list /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff to see the email templates."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PreviewList(list: Vec<EmailPreview>) -> impl IntoView {
    view! {
        <ol class="outbox-list">
            {list
                .into_iter()
                .map(|preview| {
                    let label = format!("Template: {}", preview.name);
                    view! {
                        <li>
                            <article class="card outbox-email" aria-label=label>
                                <p class="muted">{preview.name}</p>
                                <h2>{preview.subject}</h2>
                                // Rendered by the template engine, every value escaped; the
                                // values are the preview's own, never anyone's input.
                                <div class="email-html" inner_html=preview.html_body></div>
                                <details>
                                    <summary>"Plain text"</summary>
                                    <pre class="email-body">{preview.text}</pre>
                                </details>
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
