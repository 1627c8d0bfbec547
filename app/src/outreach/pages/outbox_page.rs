use crate::ui::page_title::PageTitle;
use crate::{error::AppError, mail::OutboxEmailView, outreach::api::list_outbox};
use leptos::prelude::*;

/// Staff only: every email the site has queued, with what became of it. Without a mail
/// server this is where password reset links can be read.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let emails = Resource::new(|| (), |_| list_outbox());
    view! {
        <PageTitle text="Outbox · MembersNet" />
        <section class="container">
            <h1>"Outbox"</h1>
            <p class="lede">"Emails the site has sent or would have sent, newest first."</p>
            <p><a href="/staff/emails">"See every email template with sample values"</a>" · "<a href="/staff/access-log">"Who viewed whose details"</a></p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match emails.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">"No emails yet. A password reset request will show up here."</p> }.into_any(),
                        Ok(list) => view! { <EmailList list /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as staff to see the outbox."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn EmailList(list: Vec<OutboxEmailView>) -> impl IntoView {
    view! {
        <ol class="outbox-list">
            {list
                .into_iter()
                .map(|email| {
                    let label = format!("Email to {}", email.to_email);
                    view! {
                        <li>
                            <article class="card outbox-email" aria-label=label>
                                <h2>{email.subject}</h2>
                                <p class="muted">
                                    "To " <strong>{email.to_email}</strong> " · " {email.queued_at} " · " {email.status}
                                </p>
                                <pre class="email-body">{email.body}</pre>
                            </article>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
