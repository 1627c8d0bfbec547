use crate::ui::page_title::PageTitle;
use crate::{
    events::api::{get_cancel_link, CancelSignup},
    ui::{
        form::{FormError, SubmitButton},
        notice::QueryNotice,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// Cancelling from the emailed link. The link opens this page; the button cancels (a link
/// alone never changes anything, as mail scanners follow links). A link already used says
/// so and offers the event again.
#[component]
pub fn CancelSignupPage() -> impl IntoView {
    let action = ServerAction::<CancelSignup>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let done =
        move || query.read().get("done").is_some() || matches!(action.value().get(), Some(Ok(_)));
    let link = Resource::new(token, get_cancel_link);
    view! {
        <PageTitle text="Cancel your place · MembersNet" />
        <section class="card narrow">
            <h1>"Cancel your place"</h1>
            <QueryNotice key="done" text="Your place is cancelled. Thank you for letting the hosts know." />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match link.await {
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                        Ok(link) if done() => view! {
                            <p>"Changed your mind? " <a href=link.event_path>"Sign up to " {link.event_title} " again"</a>"."</p>
                        }.into_any(),
                        Ok(link) if link.already_cancelled => view! {
                            <p role="status">"Your place at " <strong>{link.event_title.clone()}</strong> " was already cancelled."</p>
                            <p><a class="button" href=link.event_path>"Sign up again"</a></p>
                        }.into_any(),
                        Ok(link) => view! {
                            <FormError error=error />
                            <p>"Can't make it to " <strong>{link.event_title}</strong> " after all? Cancelling frees your place for someone on the waitlist."</p>
                            <ActionForm action=action>
                                <input type="hidden" name="token" value=token />
                                <SubmitButton label="Cancel my place" pending=action.pending() />
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <p><a href="/events">"Find another event"</a></p>
        </section>
    }
}
