//! Form fields with their labels and errors, wired for screen readers.

use crate::error::AppError;
use leptos::prelude::*;

/// A labelled input. Shows the error for its `name` beside it, and tells assistive
/// technology the field is invalid.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = false)] required: bool,
    /// The input's id, when a page has two fields of one name (in different forms).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let input_id = id.map_or_else(|| format!("field-{name}"), str::to_string);
    let error_id = format!("{input_id}-error");
    let hint_id = format!("{input_id}-hint");
    let message = move || error.get().and_then(|e| e.message_for(name));
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=input_id.clone()>{label}</label>
            {hint.map(|text| view! { <p class="field-hint" id=hint_id.clone()>{text}</p> })}
            {move || {
                message().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })
            }}
            <input
                id=input_id
                type=kind
                name=name
                autocomplete=autocomplete
                value=value.clone()
                // The attribute sets the first value; the property keeps it right after
                // a save re-renders the form in place.
                prop:value=value.unwrap_or_default()
                required=required
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=described_by
            />
        </div>
    }
}

/// The error of a whole form (not one field), shown above it.
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error
            .get()
            .filter(|e| !e.is_field_error() || e.message_for("token").is_some())
            .map(|e| {
                view! {
                    <div class="notice notice-error" role="alert">
                        {e.to_string()}
                    </div>
                }
            })
    }
}

/// The submit button of a form: says it is busy while the request runs.
#[component]
pub fn SubmitButton(
    label: &'static str,
    #[prop(into)] pending: Signal<bool>,
    #[prop(default = "button")] class: &'static str,
) -> impl IntoView {
    view! {
        <button type="submit" class=class aria-busy=move || pending.get().to_string()>
            {label}
        </button>
    }
}

/// A labelled multi-line text box, with its error beside it.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for(name));
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=format!("field-{name}")>{label}</label>
            {hint.map(|text| view! { <p class="field-hint" id=format!("{name}-hint")>{text}</p> })}
            {move || message().map(|text| view! { <p class="field-error" id=format!("{name}-error")>{text}</p> })}
            <textarea
                id=format!("field-{name}")
                name=name
                rows="5"
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=hint.map(|_| format!("{name}-hint"))
                prop:value=value.clone().unwrap_or_default()
            >{value.clone()}</textarea>
        </div>
    }
}

/// A labelled drop-down of (value, label) options, with its error beside it.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional, into)] selected: Option<String>,
) -> impl IntoView {
    let message = move || error.get().and_then(|e| e.message_for(name));
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=format!("field-{name}")>{label}</label>
            {move || message().map(|text| view! { <p class="field-error" id=format!("{name}-error")>{text}</p> })}
            <select id=format!("field-{name}") name=name aria-invalid=move || if message().is_some() { "true" } else { "false" }>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = selected.as_deref() == Some(value);
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled tick box, unticked unless told otherwise.
#[component]
pub fn CheckboxField(label: &'static str, name: &'static str) -> impl IntoView {
    view! {
        <div class="field field-checkbox">
            <input id=format!("field-{name}") type="checkbox" name=name value="yes" />
            <label for=format!("field-{name}")>{label}</label>
        </div>
    }
}

/// One labelled box of a GET search form, with its error (if any) beside it.
#[component]
pub fn FilterInput(
    label: &'static str,
    name: &'static str,
    kind: &'static str,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let invalid = error.is_some();
    let id = format!("filter-{name}");
    let error_id = format!("{name}-error");
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{label}</label>
            {error.map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
            <input
                id=id
                type=kind
                name=name
                autocomplete=(name == "near").then_some("postal-code")
                value=value
                aria-invalid=if invalid { "true" } else { "false" }
                aria-describedby=invalid.then_some(error_id.clone())
            />
        </div>
    }
}
