use crate::ui::page_title::PageTitle;
use crate::{
    events::{
        api::{get_event_form, CreateEvent},
        components::event_form_fields::{DateFields, EventFormFields},
        model::EventForm,
    },
    ui::form::{FormError, SubmitButton},
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// Any signed-in person can host an event. `?from=ID` starts from a copy of an event the
/// person hosts, with the date left for them to choose.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let action = ServerAction::<CreateEvent>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let from = move || {
        query
            .read()
            .get("from")
            .and_then(|id| id.parse::<i32>().ok())
    };
    // `?group=ID`: the event is run on behalf of that group (its organisers only).
    let group = move || {
        query
            .read()
            .get("group")
            .and_then(|id| id.parse::<i32>().ok())
    };
    let initial = Resource::new(from, |from| async move {
        match from {
            Some(id) => get_event_form(id, true).await,
            None => Ok(EventForm {
                kind: "canvassing".into(),
                ..Default::default()
            }),
        }
    });
    view! {
        <PageTitle text="Create an event · MembersNet" />
        <section class="card narrow">
            <h1>{move || if from().is_some() { "Copy an event" } else { "Create an event" }}</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match initial.await {
                        Ok(form) => view! {
                            {from().is_some().then(|| view! {
                                <p class="lede">"Everything is copied except the date. Choose the new date, check the details and publish."</p>
                            })}
                            <FormError error=error />
                            <ActionForm action=action>
                                {group().map(|id| view! {
                                    <p class="lede">"This event is run on behalf of your group and shows on its page."</p>
                                    <input type="hidden" name="group_id" value=id />
                                })}
                                <EventFormFields initial=form error=error dates=DateFields::All />
                                <SubmitButton label="Publish event" pending=action.pending() />
                            </ActionForm>
                        }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
