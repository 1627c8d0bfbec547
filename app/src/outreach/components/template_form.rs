//! Staff write the national templates organisers start their messages from.

use super::merge_help::MergeFieldsHelp;
use crate::{
    outreach::api::SaveTemplate,
    ui::form::{FormError, SubmitButton, TextArea, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// "New national template": a name, email or text, a subject (emails) and the body.
#[component]
pub fn TemplateForm(action: ServerAction<SaveTemplate>) -> impl IntoView {
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let channel_error = move || error.get().and_then(|e| e.message_for("channel"));
    view! {
        <section class="card template-form" aria-labelledby="template-heading">
            <h2 id="template-heading">"New national template"</h2>
            <p class="muted">"Organisers of every official group can start an email or text from it."</p>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Template name" name="name" error=error required=true />
                <fieldset class="field" class:field-invalid=move || channel_error().is_some()>
                    <legend>"Email or text"</legend>
                    {move || channel_error().map(|text| view! { <p class="field-error">{text}</p> })}
                    <div class="field field-checkbox">
                        <input type="radio" id="template-channel-email" name="channel" value="email" checked=true />
                        <label for="template-channel-email">"Email"</label>
                    </div>
                    <div class="field field-checkbox">
                        <input type="radio" id="template-channel-sms" name="channel" value="sms" />
                        <label for="template-channel-sms">"Text"</label>
                    </div>
                </fieldset>
                <TextField label="Subject (emails only)" name="subject" error=error />
                <MergeFieldsHelp id="template-merge-help" />
                <TextArea label="Body" name="body" error=error hint="For an email, Markdown works: **bold**, *italic*, [links](https://example.org), lists." />
                <SubmitButton label="Save template" pending=action.pending() />
            </ActionForm>
        </section>
    }
    .into_any()
}
