use crate::{
    fundraising::api::CreateDonationPage,
    ui::{
        form::{FormError, SubmitButton, TextArea, TextField},
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// Start an appeal: staff for the party, organisers for their official group.
#[component]
pub fn NewDonationPage() -> impl IntoView {
    let create = ServerAction::<CreateDonationPage>::new();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Start an appeal · MembersNet" />
        <section class="container">
            <h1>"Start an appeal"</h1>
            <p>"A donation page with a thermometer. Gifts go through the payment provider's secure checkout; the treasurer sees them and checks the large ones."</p>
            <FormError error=error />
            <ActionForm action=create>
                <TextField label="Group's address" name="group" error=error hint="As in /groups/…; leave empty for a national appeal (staff only)." />
                <TextField label="Title" name="title" error=error required=true />
                <TextField label="Page address" name="slug" error=error required=true hint="Lower-case letters, digits and hyphens: the page will be at /donate/…" />
                <TextArea label="The story" name="story" error=error hint="Markdown: **bold**, *italic*, [a link](https://…)." />
                <TextField label="Target (£)" name="target" error=error required=true />
                <TextField label="Suggested amounts (£)" name="suggested" error=error value="10, 25, 50" hint="Up to six, separated by commas." />
                <TextField label="Largest gift (£)" name="maximum" error=error value="5000" />
                <SubmitButton label="Open the appeal" pending=create.pending() />
            </ActionForm>
        </section>
    }
}
