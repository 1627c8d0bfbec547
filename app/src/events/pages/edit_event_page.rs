use crate::ui::page_title::PageTitle;
use crate::{
    events::{
        api::{get_event, get_event_form, UpdateEvent},
        components::event_form_fields::{DateFields, EventFormFields},
    },
    ui::form::{FormError, SubmitButton},
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_params_map;

/// A host changes an event's details. Dates change here only for a single-date event.
#[component]
pub fn EditEventPage() -> impl IntoView {
    let action = ServerAction::<UpdateEvent>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or_default()
    };
    let loaded = Resource::new(id, |id| async move {
        let form = get_event_form(id, false).await?;
        // The event page's data says how many dates it has; the attendee list is not needed.
        let event = get_event(id).await?;
        Ok::<_, crate::error::AppError>((form, event.slots.len()))
    });
    view! {
        <PageTitle text="Edit event · MembersNet" />
        <section class="card narrow">
            <h1>"Edit event"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((form, slot_count)) => {
                            let dates = if slot_count == 1 { DateFields::Single } else { DateFields::None };
                            view! {
                                {(dates == DateFields::None).then(|| view! {
                                    <p class="lede">"This event has several dates or shifts, so its times stay as they are. People signed up are emailed if the place changes."</p>
                                })}
                                <FormError error=error />
                                <ActionForm action=action>
                                    <input type="hidden" name="id" value=id() />
                                    <EventFormFields initial=form error=error dates />
                                    <SubmitButton label="Save changes" pending=action.pending() />
                                </ActionForm>
                                <p><a href=format!("/events/{}/dashboard", id())>"Back to the dashboard"</a></p>
                            }.into_any()
                        }
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
