use super::{load_error, param};
use crate::{
    sites::{
        api::{site_editor, AddPage, SaveSite},
        model::{SiteEditorView, ACCENTS},
    },
    ui::{
        form::{FormError, SubmitButton, TextField},
        notice::QueryNotice,
        page_title::PageTitle,
    },
};
use leptos::{form::ActionForm, prelude::*};

/// A group's site: the imprint and colour, its pages, and snippets for other sites.
#[component]
pub fn SiteEditorPage() -> impl IntoView {
    let group = param("slug");
    let save = ServerAction::<SaveSite>::new();
    let add = ServerAction::<AddPage>::new();
    let site = Resource::new(
        move || (group(), save.version().get()),
        |(g, _)| site_editor(g),
    );
    view! {
        <PageTitle text="Web Creator · MembersNet" />
        <section class="container">
            <QueryNotice key="saved" text="Saved: the imprint and colour apply to every page." />
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(view) => view! { <SiteEditor view save add /> }.into_any(),
                        Err(err) => load_error(err),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SiteEditor(
    view: SiteEditorView,
    save: ServerAction<SaveSite>,
    add: ServerAction<AddPage>,
) -> impl IntoView {
    let save_error = Signal::derive(move || save.value().get().and_then(Result::err));
    let add_error = Signal::derive(move || add.value().get().and_then(Result::err));
    let imprint_set = view.imprint_set();
    let slug = view.group_slug.clone();
    let SiteEditorView {
        group_name,
        group_slug,
        promoter_name,
        promoter_address,
        accent,
        pages,
        snippets,
    } = view;
    let (add_slug, save_slug) = (group_slug.clone(), group_slug.clone());
    view! {
        <h1>{format!("{group_name}: web site")}</h1>
        <p><a href=format!("/groups/{group_slug}")>"Back to the group"</a></p>
        {(!imprint_set).then(|| view! {
            <p class="notice" role="status">"Set the imprint below before publishing: election material must say who promoted it."</p>
        })}
        <h2>"Pages"</h2>
        <ul class="card-list">
            {pages.into_iter().map(|p| {
                let state = match (p.published, p.unpublished_changes) {
                    (false, _) => "Draft, not published",
                    (true, true) => "Published, with unpublished changes",
                    (true, false) => "Published",
                };
                view! {
                    <li class="card">
                        <h3><a href=format!("/groups/{}/site/{}", slug, p.slug)>{p.title}</a></h3>
                        <p class="muted">{state}</p>
                        {p.published.then(|| view! { <p><a href=p.path.clone() rel="external">{format!("View {}", p.path)}</a></p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>"Add a page"</h2>
        <FormError error=add_error />
        <ActionForm action=add>
            <input type="hidden" name="group" value=add_slug />
            <TextField label="Title" name="title" error=add_error required=true />
            <TextField label="Address" name="slug" error=add_error required=true hint="Lower-case letters, digits and dashes, such as about-us." />
            <SubmitButton label="Add page" pending=add.pending() />
        </ActionForm>
        <h2>"Imprint and colour"</h2>
        <FormError error=save_error />
        <ActionForm action=save>
            <input type="hidden" name="group" value=save_slug />
            <TextField label="Promoted by (name)" name="promoter_name" value=promoter_name error=save_error required=true hint="Shown at the foot of every page, as the law on election material asks." />
            <TextField label="Promoter's address" name="promoter_address" value=promoter_address error=save_error required=true />
            <fieldset class="field">
                <legend>"Accent colour"</legend>
                {ACCENTS.into_iter().map(|a| {
                    let id = format!("accent-{}", a.name);
                    view! {
                        <div class="field-checkbox">
                            <input type="radio" id=id.clone() name="accent" value=a.name checked=accent == a.name />
                            <label for=id><span class=format!("swatch site-accent-{}", a.name) aria-hidden="true"></span>{a.label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <SubmitButton label="Save imprint and colour" pending=save.pending() />
        </ActionForm>
        <h2>"Widgets for other sites"</h2>
        <p>"Paste one of these into any web page, such as a blog post, to show it there."</p>
        {snippets.into_iter().enumerate().map(|(i, (name, code))| {
            let id = format!("snippet-{i}");
            view! {
                <div class="field">
                    <label for=id.clone()>{name}</label>
                    <textarea id=id readonly rows="4">{code}</textarea>
                </div>
            }
        }).collect_view()}
    }
}
