use super::{action_error, block_editor::BlockEditor, load_error, param};
use crate::{
    sites::{
        api::{
            page_editor, AddBlock, ArrangeBlock, PublishPage, RestoreRevision, SaveBlock,
            SavePageDetails,
        },
        model::{BlockKind, PageEditorView},
    },
    ui::{
        form::{SubmitButton, TextField},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// The actions of the page editor, made once so every form shares them.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub details: ServerAction<SavePageDetails>,
    pub add: ServerAction<AddBlock>,
    pub save: ServerAction<SaveBlock>,
    pub arrange: ServerAction<ArrangeBlock>,
    pub publish: ServerAction<PublishPage>,
    pub restore: ServerAction<RestoreRevision>,
}

impl Actions {
    fn version(self) -> usize {
        self.details.version().get()
            + self.add.version().get()
            + self.save.version().get()
            + self.arrange.version().get()
            + self.publish.version().get()
            + self.restore.version().get()
    }

    fn error(self) -> Option<crate::error::AppError> {
        let err = |v: Option<Result<(), crate::error::AppError>>| v.and_then(Result::err);
        err(self.details.value().get())
            .or_else(|| err(self.add.value().get()))
            .or_else(|| err(self.save.value().get()))
            .or_else(|| err(self.arrange.value().get()))
            .or_else(|| err(self.publish.value().get()))
            .or_else(|| err(self.restore.value().get()))
    }
}

/// One page of a group's site: its details, its column of blocks (each its own form),
/// preview, publish, and the published revisions.
#[component]
pub fn PageEditorPage() -> impl IntoView {
    let group = param("slug");
    let page = param("page");
    let actions = Actions {
        details: ServerAction::new(),
        add: ServerAction::new(),
        save: ServerAction::new(),
        arrange: ServerAction::new(),
        publish: ServerAction::new(),
        restore: ServerAction::new(),
    };
    let editor = Resource::new(
        move || (group(), page(), actions.version()),
        |(g, p, _)| page_editor(g, p),
    );
    view! {
        <PageTitle text="Edit page · Web Creator · MembersNet" />
        <section class="container">
            <QueryNotice key="published" text="Published: visitors now see this version." />
            <QueryNotice key="restored" text="That version is published again." />
            <QueryNotice key="saved" text="Saved in the draft. Publish when you are ready." />
            <QueryNotice key="added" text="Page added. Give it some blocks, then publish it." />
            {move || action_error(actions.error())}
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(view) => view! { <PageEditor view actions /> }.into_any(),
                        Err(err) => load_error(err),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PageEditor(view: PageEditorView, actions: Actions) -> impl IntoView {
    let details_error = Signal::derive(move || actions.details.value().get().and_then(Result::err));
    let (group, page, version) = (view.group_slug.clone(), view.slug.clone(), view.version);
    let preview = format!("/groups/{}/site/{}/preview", group, page);
    // Copy, so each form's fields can name the page.
    let names = StoredValue::new((group.clone(), page.clone()));
    // With JavaScript, blocks can also be dragged into place (the buttons stay for keyboards).
    let dragging = RwSignal::new(None::<usize>);
    let count = view.blocks.len();
    let full = view.clone();
    let PageEditorView {
        group_name,
        title,
        description,
        imprint_set,
        revisions,
        blocks,
        ..
    } = view;
    let status = if view.unpublished_changes {
        "This draft has changes visitors do not see yet."
    } else {
        "Visitors see this version."
    };
    view! {
        <p><a href=format!("/groups/{group}/site")>{format!("{group_name}: web site")}</a></p>
        <h1>{format!("Edit “{title}”")}</h1>
        <p class="muted" role="status">{status}</p>
        // A div, not a p: a form inside a paragraph ends it in the browser's parser, and the
        // page would no longer match what hydration expects.
        <div class="actions">
            <a class="button button-ghost" href=preview rel="external">"Preview as a visitor"</a>
            <ActionForm action=actions.publish attr:class="inline-form">
                {page_fields(names, Some(version))}
                <SubmitButton label="Publish" pending=actions.publish.pending() />
            </ActionForm>
        </div>
        {(!imprint_set).then(|| view! {
            <p class="notice" role="status">"Publishing needs the imprint: set it on the " <a href=format!("/groups/{group}/site")>"site's page"</a> "."</p>
        })}
        <h2>"Page details"</h2>
        <ActionForm action=actions.details>
            {page_fields(names, Some(version))}
            <TextField label="Title" name="title" value=title.clone() error=details_error required=true />
            <TextField label="Description" name="description" value=description error=details_error hint="One or two sentences for search engines and link previews." />
            <SubmitButton label="Save details" pending=actions.details.pending() />
        </ActionForm>
        <h2>"Blocks"</h2>
        {(count == 0).then(|| view! { <p class="empty">"No blocks yet: add the first below."</p> })}
        <ol class="site-block-list">
            {blocks.into_iter().enumerate().map(|(index, block)| {
                let drop_here = move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    if let Some(from) = dragging.get_untracked().filter(|from| *from != index) {
                        let (group, page) = names.get_value();
                        actions.arrange.dispatch(ArrangeBlock { group, page, version, index: from, action: "to".into(), to: Some(index) });
                    }
                    dragging.set(None);
                };
                view! {
                    <li draggable="true" class:dragging=move || dragging.get() == Some(index)
                        on:dragstart=move |_| dragging.set(Some(index))
                        on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
                        on:drop=drop_here>
                        <BlockEditor block index count view=full.clone() actions />
                    </li>
                }
            }).collect_view()}
        </ol>
        <h2>"Add a block"</h2>
        <ActionForm action=actions.add>
            {page_fields(names, Some(version))}
            <div class="field">
                <label for="field-kind">"Kind of block"</label>
                <select id="field-kind" name="kind">
                    {BlockKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{k.label()}</option> }).collect_view()}
                </select>
            </div>
            <SubmitButton label="Add block" pending=actions.add.pending() />
        </ActionForm>
        <h2>"Published versions"</h2>
        {revisions.is_empty().then(|| view! { <p class="empty">"Not published yet."</p> })}
        <ul class="card-list">
            {revisions.into_iter().map(|r| {
                let look = format!("/groups/{group}/site/{page}/preview?revision={}", r.id);
                view! {
                    <li class="card">
                        <p>{format!("{} by {}", r.when, r.by)}{r.live.then_some(" (live now)")}</p>
                        <p><a href=look rel="external">"View this version"</a></p>
                        {(!r.live).then(|| view! {
                            <ActionForm action=actions.restore>
                                {page_fields(names, None)}
                                <input type="hidden" name="revision" value=r.id />
                                <SubmitButton label="Publish this version again" pending=actions.restore.pending() />
                            </ActionForm>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The hidden fields naming the page (and the draft's version, when the form edits it).
fn page_fields(names: StoredValue<(String, String)>, version: Option<i32>) -> impl IntoView {
    let (group, page) = names.get_value();
    view! {
        <input type="hidden" name="group" value=group />
        <input type="hidden" name="page" value=page />
        {version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
    }
}
