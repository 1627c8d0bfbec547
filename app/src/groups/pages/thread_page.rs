use crate::ui::page_title::PageTitle;
use crate::{
    error::AppError,
    groups::{
        api::forum::{get_thread, LockThread, PinThread, ReplyToThread},
        components::{
            done_notice::DoneNotice,
            post_item::{PostActions, PostItem},
        },
        model::ThreadView,
        policy::GroupAction,
    },
    ui::{
        form::{FormError, SubmitButton, TextArea},
        not_found_page::NotFoundPage,
    },
};
use leptos::{form::ActionForm, prelude::*};
use leptos_router::hooks::{use_params_map, use_query_map};

/// A thread, one page of posts at a time, with the reply form and moderators' tools.
#[component]
pub fn ThreadPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let posts = PostActions::new();
    let reply = ServerAction::<ReplyToThread>::new();
    let pin = ServerAction::<PinThread>::new();
    let lock = ServerAction::<LockThread>::new();
    let source = move || {
        let id = params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok());
        let page = query.read().get("page").and_then(|p| p.parse::<u32>().ok());
        let version =
            posts.version() + reply.version().get() + pin.version().get() + lock.version().get();
        (id, page, version)
    };
    let thread = Resource::new(source, |(id, page, _)| async move {
        match id {
            Some(id) => get_thread(id, page).await,
            None => Err(AppError::NotFound),
        }
    });
    let error = Signal::derive(move || {
        [
            posts.edit.value().get(),
            posts.delete.value().get(),
            posts.report.value().get(),
            posts.hide.value().get(),
            pin.value().get(),
            lock.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
    });
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(view) => view! {
                        <ThreadBody view error posts reply pin lock />
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(err @ (AppError::Forbidden | AppError::Unauthenticated)) => view! {
                        <section class="card narrow">
                            <h1>"Members only"</h1>
                            <p>{err.to_string()} " Only the group's members can read its forum."</p>
                        </section>
                    }.into_any(),
                    Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ThreadBody(
    view: ThreadView,
    #[prop(into)] error: Signal<Option<AppError>>,
    posts: PostActions,
    reply: ServerAction<ReplyToThread>,
    pin: ServerAction<PinThread>,
    lock: ServerAction<LockThread>,
) -> impl IntoView {
    let query = use_query_map();
    let number = |key: &str| {
        query
            .read_untracked()
            .get(key)
            .and_then(|v| v.parse::<i32>().ok())
    };
    let (editing, quoting) = (number("edit"), number("quote"));
    let page_path = format!("{}?page={}", view.path(), view.page);
    let can_reply = view.can_reply();
    let can_moderate = view.access.may(GroupAction::Moderate);
    let can_report = view.access.may(GroupAction::ReportPost);
    let quoted_name = quoting
        .and_then(|q| view.posts.iter().find(|p| p.id == q))
        .map(|p| p.author_name.clone());
    let reply_error = Signal::derive(move || reply.value().get().and_then(Result::err));
    let id = view.id;
    let (path, page, pages) = (view.path(), view.page, view.pages);
    let all_posts = view.posts;
    view! {
        <PageTitle text=format!("{} · {} · MembersNet", view.title, view.group_name) />
        <article class="container thread-page">
            <p><a href=view.group_path.clone()>{format!("← {}", view.group_name)}</a></p>
            <h1>{view.title.clone()}</h1>
            <p class="muted">
                {view.pinned.then_some("Pinned. ")}
                {view.locked.then_some("Locked: no new replies.")}
            </p>
            <div class="notices">
                <DoneNotice />
                <FormError error=error />
            </div>
            {can_moderate.then(|| view! {
                <div class="actions">
                    <ActionForm action=pin attr:class="inline-form">
                        <input type="hidden" name="thread_id" value=id />
                        <input type="hidden" name="pinned" value={if view.pinned { "no" } else { "yes" }} />
                        <button type="submit" class="button button-ghost">{if view.pinned { "Unpin thread" } else { "Pin thread" }}</button>
                    </ActionForm>
                    <ActionForm action=lock attr:class="inline-form">
                        <input type="hidden" name="thread_id" value=id />
                        <input type="hidden" name="locked" value={if view.locked { "no" } else { "yes" }} />
                        <button type="submit" class="button button-ghost">{if view.locked { "Unlock thread" } else { "Lock thread" }}</button>
                    </ActionForm>
                </div>
            })}
            {all_posts.into_iter().map(|post| {
                let editing = editing == Some(post.id);
                view! { <PostItem post page_path=page_path.clone() editing can_reply can_report can_moderate actions=posts /> }
            }).collect_view()}
            <Pages path page pages />
            {can_reply.then(|| view! {
                <section class="card" id="reply" aria-labelledby="reply-heading">
                    <h2 id="reply-heading">"Reply"</h2>
                    {quoted_name.map(|name| view! { <p class="muted">{format!("Quoting {name}'s post.")}</p> })}
                    <FormError error=reply_error />
                    <ActionForm action=reply>
                        <input type="hidden" name="thread_id" value=id />
                        {quoting.map(|q| view! { <input type="hidden" name="quote_of" value=q /> })}
                        <TextArea label="Your reply" name="body" error=reply_error hint="Markdown works: **bold**, *italic*, [links](https://example.org), lists." />
                        <SubmitButton label="Post reply" pending=reply.pending() />
                    </ActionForm>
                </section>
            })}
        </article>
    }
    .into_any()
}

/// Links to the other pages of a long thread.
#[component]
fn Pages(path: String, page: u32, pages: u32) -> impl IntoView {
    (pages > 1).then(|| view! {
        <nav class="pages" aria-label="Pages of this thread">
            {(page > 1).then(|| view! { <a href=format!("{path}?page={}", page - 1)>"Earlier posts"</a> })}
            <span>{format!(" Page {page} of {pages} ")}</span>
            {(page < pages).then(|| view! { <a href=format!("{path}?page={}", page + 1)>"Later posts"</a> })}
        </nav>
    })
}
