use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::QuizRef;

/// The most a visitor may type or paste, in UTF-16 units: the core cuts the
/// label to its limit between grapheme clusters; this only bounds the field.
const FIELD_MAX: usize = 1000;

#[derive(Properties, PartialEq)]
pub struct AttemptLabelProps {
    pub quiz: QuizRef,
    /// The label saved now.
    pub label: Option<AttrValue>,
    /// The text typed, to be cleaned and saved.
    pub on_save: Callback<String>,
}

/// An optional name for a result, such as the partnership it is about.
#[function_component]
pub fn AttemptLabel(props: &AttemptLabelProps) -> Html {
    let ui = &props.quiz.ui;
    let text = use_state(|| props.label.as_deref().unwrap_or_default().to_string());
    let saved = use_state(|| false);
    let onsubmit = {
        let (text, saved, on_save) = (text.clone(), saved.clone(), props.on_save.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_save.emit((*text).clone());
            saved.set(true);
        })
    };
    let oninput = {
        let (text, saved) = (text.clone(), saved.clone());
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                text.set(input.value());
            }
            saved.set(false);
        })
    };
    // After saving, the field shows the label as kept (cleaned and cut).
    let shown = if *saved {
        props.label.as_deref().unwrap_or_default().to_string()
    } else {
        (*text).clone()
    };
    html! {
        <form class="attempt-label" {onsubmit} data-testid="attempt-label">
            <label for="attempt-label-input">{ ui.label_field.clone() }</label>
            <p id="attempt-label-hint" class="field-hint">{ ui.label_hint.clone() }</p>
            <div class="field-row">
                <input
                    id="attempt-label-input"
                    type="text"
                    dir="auto"
                    maxlength={FIELD_MAX.to_string()}
                    value={shown}
                    aria-describedby="attempt-label-hint"
                    {oninput}
                />
                <button type="submit" class="button">{ ui.label_save.clone() }</button>
            </div>
            <p class="field-status" role="status">{ if *saved { ui.label_saved.clone() } else { String::new() } }</p>
        </form>
    }
}
