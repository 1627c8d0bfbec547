//! One forum post with what the viewer may do to it: quote, edit, delete, report, hide.

use crate::groups::{
    api::forum::{DeletePost, EditPost, HidePost, ReportPost},
    model::PostView,
};
use leptos::{form::ActionForm, prelude::*};

/// The post forms of a thread page, made once so the page can reload after any of them.
#[derive(Clone, Copy)]
pub struct PostActions {
    pub edit: ServerAction<EditPost>,
    pub delete: ServerAction<DeletePost>,
    pub report: ServerAction<ReportPost>,
    pub hide: ServerAction<HidePost>,
}

impl PostActions {
    pub fn new() -> Self {
        Self {
            edit: ServerAction::new(),
            delete: ServerAction::new(),
            report: ServerAction::new(),
            hide: ServerAction::new(),
        }
    }

    pub fn version(&self) -> usize {
        self.edit.version().get()
            + self.delete.version().get()
            + self.report.version().get()
            + self.hide.version().get()
    }
}

impl Default for PostActions {
    fn default() -> Self {
        Self::new()
    }
}

/// A post. `page_path` is the thread page's address, for the quote and edit links.
#[component]
pub fn PostItem(
    post: PostView,
    page_path: String,
    editing: bool,
    can_reply: bool,
    can_report: bool,
    can_moderate: bool,
    actions: PostActions,
) -> impl IntoView {
    let id = post.id;
    let heading = format!("Post by {}", post.author_name);
    let body = match (&post.html, post.deleted, post.hidden) {
        (_, true, _) => view! { <p class="muted">"Deleted by its author."</p> }.into_any(),
        (None, _, _) => view! { <p class="muted">"Hidden by a moderator."</p> }.into_any(),
        (Some(html), _, hidden) => view! {
            {hidden.then(|| view! { <p class="notice notice-error">"Hidden from members by a moderator. Kept for the record."</p> })}
            <div class="post-body" inner_html=html.clone()></div>
        }
        .into_any(),
    };
    let live = !post.deleted && !post.hidden;
    let edit_form = post.editable_body.clone().filter(|_| editing).map(|text| view! {
        <ActionForm action=actions.edit>
            <input type="hidden" name="post_id" value=id />
            <label for=format!("edit-{id}")>"Edit your post"</label>
            <textarea id=format!("edit-{id}") name="body" rows="6" prop:value=text.clone()>{text.clone()}</textarea>
            <button type="submit" class="button">"Save post"</button>
        </ActionForm>
    });
    view! {
        <article class="card post" id=format!("post-{id}") aria-label=heading>
            <p class="muted">
                <strong>{post.author_name.clone()}</strong> " · " {post.when.clone()}
                {post.edited.then_some(" · edited")}
            </p>
            {match edit_form {
                Some(form) => form.into_any(),
                None => body,
            }}
            <div class="actions post-actions">
                {(live && can_reply).then(|| view! { <a href=format!("{page_path}&quote={id}#reply")>"Quote"</a> })}
                {(post.editable_body.is_some() && !editing).then(|| view! { <a href=format!("{page_path}&edit={id}#post-{id}")>"Edit"</a> })}
                {(post.mine && !post.deleted).then(|| view! {
                    <ActionForm action=actions.delete attr:class="inline-form">
                        <input type="hidden" name="post_id" value=id />
                        <button type="submit" class="button button-ghost button-small">"Delete"</button>
                    </ActionForm>
                })}
                {can_moderate.then(|| view! {
                    <ActionForm action=actions.hide attr:class="inline-form">
                        <input type="hidden" name="post_id" value=id />
                        <input type="hidden" name="hidden" value={if post.hidden { "no" } else { "yes" }} />
                        <button type="submit" class="button button-ghost button-small">{if post.hidden { "Show post" } else { "Hide post" }}</button>
                    </ActionForm>
                })}
                {(live && can_report && !post.mine).then(|| view! {
                    <details class="report">
                        <summary>"Report"</summary>
                        <ActionForm action=actions.report>
                            <input type="hidden" name="post_id" value=id />
                            <label for=format!("reason-{id}")>"Why are you reporting this post?"</label>
                            <input id=format!("reason-{id}") type="text" name="reason" maxlength="500" required=true />
                            <button type="submit" class="button button-small">"Send report"</button>
                        </ActionForm>
                    </details>
                })}
            </div>
        </article>
    }
    .into_any()
}
