use crate::ui::page_title::PageTitle;
use crate::{
    consent::model::{Channel, ConsentLine, PreferencesView},
    error::AppError,
    outreach::{
        api::{get_preferences, SetPreference},
        components::{action_error::ActionError, done_notice::DoneNotice},
    },
};
use leptos::{form::ActionForm, prelude::*};

fn done_text(done: &str) -> Option<&'static str> {
    Some(match done {
        "withdrawn" => "Done: you will not hear from them that way.",
        "granted" => "Done: thank you.",
        _ => return None,
    })
}

/// Who may email or text the signed-in person, changed one line at a time, and the record
/// of every choice they made.
#[component]
pub fn PreferencesPage() -> impl IntoView {
    let action = ServerAction::<SetPreference>::new();
    let preferences = Resource::new(move || action.version().get(), |_| get_preferences());
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <PageTitle text="Communication preferences · MembersNet" />
        <section class="container preferences">
            <h1>"Communication preferences"</h1>
            <div class="notices">
                <DoneNotice text=done_text />
                <ActionError error=error />
            </div>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match preferences.await {
                        Ok(view) => view! { <PreferencesBody view action /> }.into_any(),
                        Err(AppError::Unauthenticated) => view! {
                            <p class="notice notice-error">"Please " <a href="/sign-in">"sign in"</a> " to see who may contact you."</p>
                        }
                        .into_any(),
                        // An account whose address is not confirmed yet: the way on is its profile.
                        Err(err) if err.message_for("email").is_some() => view! {
                            <p class="notice notice-error" role="alert">{err.to_string()} " " <a href="/profile">"Send the link again"</a></p>
                        }
                        .into_any(),
                        Err(err) => view! { <p class="notice notice-error" role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn PreferencesBody(view: PreferencesView, action: ServerAction<SetPreference>) -> impl IntoView {
    let intro = format!(
        "Groups and the party email or text you ({}) only where this says Yes, and you can change that at any time.",
        view.email
    );
    let PreferencesView { lines, history, .. } = view;
    view! {
        <p class="lede">{intro}</p>
        {if lines.is_empty() {
            view! { <p class="empty">"You have not agreed to hear from anyone yet."</p> }.into_any()
        } else {
            view! {
                <table class="consents">
                    <caption>"Who may contact you"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Who"</th>
                            <th scope="col">"How"</th>
                            <th scope="col">"Agreed"</th>
                            <th scope="col">"Since"</th>
                            <th scope="col"><span class="visually-hidden">"Change"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {lines.into_iter().map(|line| view! { <ConsentRow line action /> }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }}
        <ConsentHistory history />
    }
    .into_any()
}

#[component]
fn ConsentRow(line: ConsentLine, action: ServerAction<SetPreference>) -> impl IntoView {
    let button = if line.granted { "Stop" } else { "Allow" };
    let way = match line.channel {
        Channel::Email => "email",
        Channel::Sms => "texts",
        Channel::Phone => "phone calls",
    };
    let aria = format!("{button} {way} from {}", line.scope_label);
    let agreed = if line.granted { "Yes" } else { "No" };
    let granted = line.granted;
    view! {
        <tr>
            <th scope="row">{line.scope_label.clone()}</th>
            <td>{line.channel.label()}</td>
            <td>{agreed}</td>
            <td>{line.since.clone()}</td>
            <td>
                <ActionForm action=action attr:class="inline-form">
                    <input type="hidden" name="scope" value=line.scope.to_string() />
                    <input type="hidden" name="channel" value=line.channel.as_str() />
                    <input type="hidden" name="granted" value={if granted { "no" } else { "yes" }} />
                    <button type="submit" class="button button-small" class:button-ghost={granted} aria-label=aria>{button}</button>
                </ActionForm>
            </td>
        </tr>
    }
    .into_any()
}

/// Every choice, newest first, as the ledger keeps it.
#[component]
fn ConsentHistory(history: Vec<String>) -> impl IntoView {
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            {if history.is_empty() {
                view! { <p class="empty">"Nothing yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {history.into_iter().map(|entry| view! { <li>{entry}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}
