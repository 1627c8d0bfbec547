//! The viewer's share link, with ways to send it: the phone's own share sheet where the
//! browser has one (the Web Share API), "Copy link" where it does not, and WhatsApp and
//! email links that work without JavaScript.

use crate::ui::escape::query_value;
use leptos::prelude::*;

/// The viewer's own link: people who sign up through it are counted as brought by them.
#[component]
pub fn ShareLink(url: String, title: String) -> impl IntoView {
    let (live, set_live) = signal(false);
    let (can_share, set_can_share) = signal(false);
    let (status, set_status) = signal(None::<&'static str>);
    Effect::new(move |_| {
        set_can_share.set(has_share_sheet());
        set_live.set(true);
    });
    let message = format!("{title} {url}");
    let whatsapp = format!("https://wa.me/?text={}", query_value(&message));
    let email = format!(
        "mailto:?subject={}&body={}",
        query_value(&title),
        query_value(&message)
    );
    let share = {
        let (url, title) = (url.clone(), title.clone());
        move |_| {
            share_sheet(&title, &url, move |shared| {
                if !shared {
                    set_status.try_set(Some("Not shared. You can copy the link instead."));
                }
            })
        }
    };
    let copy = {
        let url = url.clone();
        move |_| {
            copy_text(&url, move |copied| {
                set_status.try_set(Some(if copied {
                    "Link copied."
                } else {
                    "We couldn't copy it: select the link and copy it."
                }));
            })
        }
    };
    view! {
        <div class="field share-link">
            <label for="share-url">"Your share link"</label>
            <p class="field-hint" id="share-url-hint">"People who sign up through it count as brought by you, on your profile."</p>
            <input id="share-url" type="text" readonly value=url aria-describedby="share-url-hint" />
            <div class="share-actions">
                <Show when=move || live.get() && can_share.get()>
                    <button type="button" class="button button-small" on:click=share.clone()>"Share…"</button>
                </Show>
                <Show when=move || live.get()>
                    <button type="button" class="button button-small button-ghost" on:click=copy.clone()>"Copy link"</button>
                </Show>
                <a class="button button-small button-ghost" href=whatsapp rel="noopener" target="_blank">"WhatsApp"</a>
                <a class="button button-small button-ghost" href=email>"Email"</a>
            </div>
            {move || status.get().map(|text| view! { <p class="field-hint" role="status">{text}</p> })}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use js_sys::{Function, Object, Reflect};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    /// `navigator.<path…>(arg)`, then `done(true)` when its promise resolves, `done(false)`
    /// when it rejects. False (and `done` unused) when the browser lacks the function.
    pub fn call_on_navigator(
        path: &[&str],
        arg: JsValue,
        done: impl FnOnce(bool) + 'static,
    ) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let Some((last, parents)) = path.split_last() else {
            return false;
        };
        let mut this: JsValue = window.navigator().into();
        for name in parents {
            match Reflect::get(&this, &(*name).into()) {
                Ok(next) if !next.is_undefined() && !next.is_null() => this = next,
                _ => return false,
            }
        }
        let Some(function) = Reflect::get(&this, &(*last).into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return false;
        };
        let Ok(promise) = function.call1(&this, &arg) else {
            return false;
        };
        let Some(then) = Reflect::get(&promise, &"then".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return false;
        };
        let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
        let settle = move |ok: bool| {
            let done = done.clone();
            Closure::once_into_js(move |_: JsValue| {
                if let Some(done) = done.borrow_mut().take() {
                    done(ok);
                }
            })
        };
        then.call2(&promise, &settle(true), &settle(false)).is_ok()
    }

    pub fn has_share_sheet() -> bool {
        web_sys::window()
            .and_then(|w| Reflect::get(&w.navigator(), &"share".into()).ok())
            .is_some_and(|f| f.is_function())
    }

    pub fn share_data(title: &str, url: &str) -> JsValue {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        data.into()
    }
}

#[cfg(feature = "hydrate")]
fn has_share_sheet() -> bool {
    browser::has_share_sheet()
}

#[cfg(feature = "hydrate")]
fn share_sheet(title: &str, url: &str, done: impl FnOnce(bool) + 'static) {
    // Closing the sheet without sharing also rejects: only say so, never an error.
    browser::call_on_navigator(&["share"], browser::share_data(title, url), done);
}

#[cfg(feature = "hydrate")]
fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use std::{cell::RefCell, rc::Rc};
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |ok: bool| {
            if let Some(done) = done.borrow_mut().take() {
                done(ok);
            }
        }
    };
    let finish_later = finish.clone();
    if !browser::call_on_navigator(&["clipboard", "writeText"], text.into(), finish_later) {
        finish(false);
    }
}

#[cfg(not(feature = "hydrate"))]
fn has_share_sheet() -> bool {
    false
}

#[cfg(not(feature = "hydrate"))]
fn share_sheet(_title: &str, _url: &str, _done: impl FnOnce(bool) + 'static) {}

#[cfg(not(feature = "hydrate"))]
fn copy_text(_text: &str, done: impl FnOnce(bool) + 'static) {
    done(false);
}
