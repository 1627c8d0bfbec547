use crate::{
    error::AppError,
    qa::{
        api::{new_session_form, CreateSession},
        model::NewSessionView,
    },
    ui::{
        form::{FormError, SelectField, SubmitButton, TextArea, TextField},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// Scheduling a webchat or forum Q&A, for a group (`?group=`) or nationally (staff).
#[component]
pub fn NewSessionPage() -> impl IntoView {
    let query = use_query_map();
    let group = move || {
        query
            .read()
            .get("group")
            .and_then(|g| g.parse::<i32>().ok())
    };
    let create = ServerAction::<CreateSession>::new();
    let form = Resource::new(group, new_session_form);
    view! {
        <PageTitle text="Schedule a Q&A · MembersNet" />
        <section class="container">
            <h1>"Schedule a Q&A"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match form.await {
                        Ok(view) => view! { <Form view create /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as an organiser."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Form(view: NewSessionView, create: ServerAction<CreateSession>) -> impl IntoView {
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let message = move |field: &'static str| move || error.get().and_then(|e| e.message_for(field));
    let askers: Vec<(&'static str, &'static str)> = if view.group_id.is_some() {
        vec![
            ("party", "Party members"),
            ("group", "Members of the group"),
            ("anyone", "Anyone signed in"),
        ]
    } else {
        vec![("party", "Party members"), ("anyone", "Anyone signed in")]
    };
    let none = view.politicians.is_empty();
    let options = view.politicians.clone();
    let second = view.politicians.clone();
    view! {
        <p class="lede">{format!("For {}.", view.whose)}</p>
        {none.then(|| view! { <p class="notice notice-error">"No politicians yet: staff mark accounts as politicians first."</p> })}
        <FormError error=error />
        <ActionForm action=create>
            {view.group_id.map(|g| view! { <input type="hidden" name="group_id" value=g /> })}
            <SelectField label="Kind" name="kind" options=vec![("webchat", "Live webchat (an hour or two)"), ("forum", "Forum Q&A (open for days, answered in writing)")] error=error />
            <TextField label="Title" name="title" error=error required=true />
            <TextArea label="What it is about" name="description" error=error />
            <div class="field">
                <label for="field-politician">"Politician"</label>
                {move || message("politicians")().map(|text| view! { <p class="field-error">{text}</p> })}
                <select id="field-politician" name="politician">
                    {options.into_iter().map(|p| view! { <option value=p.id>{format!("{}, {}", p.name, p.title)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="field-second_politician">"A second politician (optional)"</label>
                <select id="field-second_politician" name="second_politician">
                    <option value="">"None"</option>
                    {second.into_iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                </select>
            </div>
            <SelectField label="Who may ask and vote" name="askers" options=askers error=error />
            <SelectField label="Who may read" name="readers" options=vec![("anyone", "Anyone (the record is public)"), ("signed_in", "Only people signed in")] error=error />
            <TextField label="Questions open" name="questions_open" kind="datetime-local" error=error required=true hint="London time." />
            <TextField label="The live part starts" name="starts" kind="datetime-local" error=error required=true />
            <TextField label="It ends" name="ends" kind="datetime-local" error=error required=true />
            <TextArea label="Topics (optional, one per line)" name="topics" error=error hint="Each question may carry one." />
            <TextField label="Most top places one topic may take (0: no cap)" name="topic_cap" kind="number" value="3" error=error />
            <TextArea label="Moderators (optional): their email addresses, one per line" name="moderators" error=error />
            <SubmitButton label="Schedule" pending=create.pending() />
        </ActionForm>
    }
}
