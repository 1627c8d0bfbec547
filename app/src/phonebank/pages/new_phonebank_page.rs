use crate::{
    error::AppError,
    phonebank::{
        api::{new_phonebank_form, CreatePhonebank},
        model::NewPhonebankView,
    },
    ui::{
        form::{FormError, SelectField, SubmitButton, TextArea, TextField},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

const SCRIPT_HINT: &str = "Markdown. Start each section with “## ” and a heading. Merge fields: {{first_name}}, {{caller_first_name}}, {{group_name}}, {{event_title}}, {{event_link}}.";
const SURVEY_HINT: &str = "One question per line: the kind (yes/no, choice, several, scale 1-5 or text), a colon, the question, then any options after “|”. Start a line with * to make it required; end it with “| if 1 = yes” to ask it only after that answer.";
const SAMPLE_SURVEY: &str = "* yes/no: Can we count on your vote?\nchoice: How will you vote? | In person | By post | if 1 = yes\nyes/no: Would you help on polling day?";

/// Setting up a phonebank: who to call (with the live count of who can be called and who
/// is left out), the script, the survey, and when calling is open.
#[component]
pub fn NewPhonebankPage() -> impl IntoView {
    let query = use_query_map();
    let group = move || {
        query
            .read()
            .get("group")
            .and_then(|g| g.parse::<i32>().ok())
    };
    let miles = move || {
        query
            .read()
            .get("miles")
            .and_then(|m| m.parse::<i32>().ok())
    };
    let form = Resource::new(
        move || (group(), miles()),
        |(group, miles)| new_phonebank_form(group, miles),
    );
    view! {
        <PageTitle text="Start a phonebank · MembersNet" />
        <section class="container">
            <h1>"Start a phonebank"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match form.await {
                        Ok(form) => view! { <NewForm form group=group() miles=miles() /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! { <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " as an organiser."</p> }.into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn NewForm(form: NewPhonebankView, group: Option<i32>, miles: Option<i32>) -> impl IntoView {
    let action = ServerAction::<CreatePhonebank>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let first = form
        .audiences
        .first()
        .map(|a| a.0.clone())
        .unwrap_or_default();
    let options: Vec<(String, String)> = form
        .audiences
        .iter()
        .map(|(kind, label, count)| {
            (
                kind.clone(),
                format!("{label} ({} can be called)", count.callable),
            )
        })
        .collect();
    view! {
        <p class="lede">{format!("For {}. Only people who may be called under PECR are included: they agreed to calls, or their number was screened against the Telephone Preference Service in the last 28 days and is not listed; nobody who objected.", form.whose)}</p>
        <AudienceTable form=form.clone() group miles />
        <FormError error=error />
        <ActionForm action=action>
            {group.map(|id| view! { <input type="hidden" name="group_id" value=id /> })}
            <TextField label="Name" name="name" error=error required=true />
            <TextArea label="What it is for" name="purpose" error=error hint="Callers see this before they start." />
            <AudienceChoice options chosen=first error=error />
            {group.map(|_| view! { <TextField label="Miles around the group's area (for supporters nearby)" name="miles" kind="number" error=error value=miles.unwrap_or(5).to_string() /> })}
            <SelectField label="Who may call" name="callers" options=vec![("members", "Members of the group"), ("link", "Anyone signed in with the phonebank's link")] error=error />
            <TextArea label="Script" name="script" error=error hint=SCRIPT_HINT value="Hello, is that {{first_name}}? I'm {{caller_first_name}}, a volunteer with {{group_name}}.\n## Ask\nCan we count on your support?\n## Close\nThank you for your time." />
            <TextArea label="Survey" name="survey" error=error hint=SURVEY_HINT value=SAMPLE_SURVEY />
            <TextField label="First day of calling" name="opens_on" kind="date" error=error value=form.today.clone() required=true />
            <TextField label="Last day of calling" name="closes_on" kind="date" error=error value=form.in_two_weeks.clone() required=true />
            <TextField label="Calls from (each day)" name="daily_from" kind="time" error=error value="10:00" required=true />
            <TextField label="Calls until" name="daily_until" kind="time" error=error value="20:00" required=true hint="Always within the party's calling hours: 10:00–20:00 Monday to Saturday and 12:00–17:00 on Sunday unless staff changed them." />
            <SubmitButton label="Start the phonebank" pending=action.pending() />
        </ActionForm>
    }
}

/// The audiences as radio buttons, so each shows its count beside its name.
#[component]
fn AudienceChoice(
    options: Vec<(String, String)>,
    chosen: String,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for("audience"));
    view! {
        <fieldset class="field" class:field-invalid=move || message().is_some()>
            <legend>"Who to call"</legend>
            {move || message().map(|text| view! { <p class="field-error" id="audience-error">{text}</p> })}
            {options.into_iter().map(|(value, label)| {
                let id = format!("audience-{value}");
                let checked = value == chosen;
                view! {
                    <div class="field-checkbox">
                        <input type="radio" id=id.clone() name="audience" value=value checked=checked />
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// How many each audience can call, and who is left out and why.
#[component]
fn AudienceTable(form: NewPhonebankView, group: Option<i32>, miles: Option<i32>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption>"Who can be called now"</caption>
                <thead><tr><th scope="col">"Audience"</th><th scope="col">"Can be called"</th><th scope="col">"Left out, and why"</th></tr></thead>
                <tbody>
                    {form.audiences.into_iter().map(|(_, label, count)| {
                        let why = if count.left_out.is_empty() { "Nobody".to_string() } else {
                            count.left_out.iter().map(|(why, n)| format!("{n} {why}")).collect::<Vec<_>>().join("; ")
                        };
                        view! { <tr><td>{label}</td><td>{count.callable}</td><td>{why}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {group.map(|id| view! {
            <form method="get" action="/phonebanks/new" class="filters">
                <input type="hidden" name="group" value=id />
                <label for="count-miles">"Count supporters within (miles)"</label>
                <input id="count-miles" type="number" name="miles" min="1" max="25" value=miles.unwrap_or(5) />
                <button type="submit" class="button button-secondary">"Count again"</button>
            </form>
        })}
    }
}
