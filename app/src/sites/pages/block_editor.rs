use super::page_editor_page::Actions;
use crate::{
    sites::model::{Block, BlockFields, PageEditorView, IMAGE_REFUSALS},
    ui::form::SubmitButton,
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::use_query_map;

/// One block's form, and its move and remove buttons (each a form of its own, so all of it
/// works without JavaScript).
#[component]
pub(super) fn BlockEditor(
    block: Block,
    index: usize,
    count: usize,
    view: PageEditorView,
    actions: Actions,
) -> impl IntoView {
    let fields = BlockFields::of(&block);
    let kind = block.kind();
    let id = move |name: &str| format!("block-{index}-{name}");
    let (group, page, version) = (view.group_slug.clone(), view.slug.clone(), view.version);
    let names = StoredValue::new((group, page));
    let hidden = move || names.with_value(|(g, p)| hidden_fields(g, p, version, index));
    let text = move |label: &'static str, name: &'static str, value: Option<String>| {
        view! {
            <div class="field">
                <label for=id(name)>{label}</label>
                <input id=id(name) name=name value=value.unwrap_or_default() />
            </div>
        }
    };
    let area = move |label: &'static str,
                     name: &'static str,
                     value: Option<String>,
                     hint: &'static str| {
        view! {
            <div class="field">
                <label for=id(name)>{label}</label>
                <p class="field-hint">{hint}</p>
                <textarea id=id(name) name=name rows="6">{value.unwrap_or_default()}</textarea>
            </div>
        }
    };
    let body = match block {
        Block::Text { .. } => area("Text", "markdown", fields.markdown, "Markdown: **bold**, *italic*, [a link](https://…), lists with -.").into_any(),
        Block::Events { .. } => view! {
            {text("Heading", "heading", fields.heading)}
            {text("How many events", "limit", fields.limit)}
        }
        .into_any(),
        Block::Event { event_id } => view! {
            <div class="field">
                <label for=id("event_id")>"Event"</label>
                <select id=id("event_id") name="event_id">
                    <option value="">"Choose one of the group's events"</option>
                    {view.events.iter().map(|(eid, title)| view! {
                        <option value=*eid selected=*eid == event_id>{title.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any(),
        Block::Join { .. } => text("Heading", "heading", fields.heading).into_any(),
        Block::Contact { .. } => view! {
            {text("Email address", "email", fields.email)}
            {text("Phone", "phone", fields.phone)}
            {text("Address", "address", fields.address)}
            {area("Links", "links", fields.links, "One a line: a name, a space, then the address, such as Facebook https://facebook.com/…")}
        }
        .into_any(),
        Block::Image { ref name, ref ext, .. } => {
            let shown = (!name.is_empty()).then(|| format!("/uploads/{name}-600.{ext}"));
            view! {
                {shown.map(|src| view! { <img class="site-image-preview" src=src alt="" width="300" /> })}
                {text("Text alternative (alt text)", "alt", fields.alt)}
            }
            .into_any()
        }
        Block::Donate { .. } => view! {
            <div class="field">
                <label for=id("target")>"Donation page's address"</label>
                <p class="field-hint">"The part after /donate/, such as sheffield-central-election-fund."</p>
                <input id=id("target") name="target" value=fields.target.unwrap_or_default() />
            </div>
        }
        .into_any(),
        Block::Button { ref target, .. } => {
            let target = target.clone();
            view! {
                {text("Button text", "label", fields.label)}
                <div class="field">
                    <label for=id("target")>"Goes to"</label>
                    <select id=id("target") name="target">
                        {view.pages.iter().map(|(slug, title)| view! {
                            <option value=slug.clone() selected=*slug == target>{title.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            }
            .into_any()
        }
    };
    let upload = (kind == crate::sites::model::BlockKind::Image).then(|| {
        let action = names.with_value(|(g, p)| format!("/groups/{g}/site/{p}/image"));
        let query = use_query_map();
        let refusal = move || {
            let query = query.read();
            (query.get("block").as_deref() == Some(index.to_string().as_str()))
                .then(|| query.get("image_error").and_then(|c| c.parse::<usize>().ok()))
                .flatten()
                .and_then(|c| IMAGE_REFUSALS.get(c).copied())
        };
        view! {
            <form method="post" enctype="multipart/form-data" action=action>
                <input type="hidden" name="version" value=version />
                <input type="hidden" name="index" value=index />
                <div class="field" class:field-invalid=move || refusal().is_some()>
                    <label for=id("file")>"Image file"</label>
                    <p class="field-hint">"JPEG, PNG or WebP, up to 5 MB. Location and other hidden details are removed."</p>
                    {move || refusal().map(|m| view! { <p class="field-error" id=id("file-error")>{m}</p> })}
                    <input id=id("file") type="file" name="file" accept="image/jpeg,image/png,image/webp" required />
                </div>
                <button type="submit" class="button">"Upload image"</button>
            </form>
        }
    });
    view! {
        <div class="card site-block-editor">
            <h3>{format!("{}. {}", index + 1, kind.label())}</h3>
            <ActionForm action=actions.save>
                {hidden()}
                {body}
                <SubmitButton label="Save block" pending=actions.save.pending() />
            </ActionForm>
            {upload}
            <div class="actions">
                {(index > 0).then(|| view! {
                    <ActionForm action=actions.arrange attr:class="inline-form">
                        {hidden()}
                        <input type="hidden" name="action" value="up" />
                        <button type="submit" class="button button-ghost button-small">{format!("Move block {} up", index + 1)}</button>
                    </ActionForm>
                })}
                {(index + 1 < count).then(|| view! {
                    <ActionForm action=actions.arrange attr:class="inline-form">
                        {hidden()}
                        <input type="hidden" name="action" value="down" />
                        <button type="submit" class="button button-ghost button-small">{format!("Move block {} down", index + 1)}</button>
                    </ActionForm>
                })}
                <ActionForm action=actions.arrange attr:class="inline-form">
                    {hidden()}
                    <input type="hidden" name="action" value="remove" />
                    <button type="submit" class="button button-ghost button-small">{format!("Remove block {}", index + 1)}</button>
                </ActionForm>
            </div>
        </div>
    }
}

/// What every form of a block names: the page, the draft's version and the block.
fn hidden_fields(group: &str, page: &str, version: i32, index: usize) -> impl IntoView {
    view! {
        <input type="hidden" name="group" value=group.to_string() />
        <input type="hidden" name="page" value=page.to_string() />
        <input type="hidden" name="version" value=version />
        <input type="hidden" name="index" value=index />
    }
}
