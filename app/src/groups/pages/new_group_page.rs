use crate::ui::page_title::PageTitle;
use crate::{
    groups::{api::CreateGroup, model::TOPICS},
    ui::form::{FormError, SelectField, SubmitButton, TextArea, TextField},
};
use leptos::{form::ActionForm, prelude::*};

/// Setting up a group: anyone signed in. The person who makes it is its first owner.
#[component]
pub fn NewGroupPage() -> impl IntoView {
    let action = ServerAction::<CreateGroup>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Start a group · MembersNet" />
        <section class="card narrow">
            <h1>"Start a group"</h1>
            <p class="lede">"A group has its own page and forum. You will be its owner; you can make others organisers later."</p>
            <FormError error=error />
            <ActionForm action=action>
                <TextField label="Group name" name="name" error=error required=true />
                <TextArea label="What the group is for" name="description" error=error hint="Markdown is not used here: plain text, shown as written." />
                <SelectField label="Topic" name="topic" options=TOPICS.to_vec() error=error selected="local".to_string() />
                <TextField label="Area (a postcode in it)" name="postcode" error=error autocomplete="postal-code" hint="The group is found by distance from here. It is not shown in full." required=true />
                <SelectField
                    label="Who can join"
                    name="joining"
                    options=vec![("open", "Anyone, straight away"), ("approval", "People an organiser approves")]
                    error=error
                />
                <SubmitButton label="Create group" pending=action.pending() />
            </ActionForm>
        </section>
    }
}
