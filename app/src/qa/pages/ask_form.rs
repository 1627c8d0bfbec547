use crate::{
    qa::{api::AskQuestion, model::QUESTION_MAX_CHARS},
    ui::form::{CheckboxField, FormError, SubmitButton, TextArea},
};
use leptos::{form::ActionForm, prelude::*};

/// Asking: the question, its topic, and whether to show one's name.
#[component]
pub fn AskForm(id: i32, topics: Vec<String>, ask: ServerAction<AskQuestion>) -> impl IntoView {
    let error = Signal::derive(move || ask.value().get().and_then(Result::err));
    let topic_error = move || error.get().and_then(|e| e.message_for("topic"));
    let has_topics = !topics.is_empty();
    view! {
        <section class="qa-ask" aria-labelledby="ask-heading">
            <h2 id="ask-heading">"Ask a question"</h2>
            <p class="muted">{format!("Up to {QUESTION_MAX_CHARS} characters. A moderator reads every question before it is shown; you will see here whether yours was approved.")}</p>
            <FormError error=error />
            <ActionForm action=ask>
                <input type="hidden" name="id" value=id />
                <TextArea label="Your question" name="body" error=error />
                {has_topics.then(|| view! {
                    <div class="field">
                        <label for="field-topic">"Topic"</label>
                        {move || topic_error().map(|text| view! { <p class="field-error">{text}</p> })}
                        <select id="field-topic" name="topic">
                            <option value="">"No particular topic"</option>
                            {topics.clone().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <CheckboxField label="Show my name with my question (otherwise: “a member in” your region)" name="show_name" />
                <SubmitButton label="Send to the moderators" pending=ask.pending() />
            </ActionForm>
        </section>
    }
}
