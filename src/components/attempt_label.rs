use quiz_core::storage::MAX_LABEL_CHARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct AttemptLabelProps {
    pub quiz: QuizRef,
    pub attempt_id: AttrValue,
    pub label: Option<String>,
    /// `(attempt id, label)`
    pub on_save: Callback<(String, String)>,
}

/// An optional name for a result, such as the partnership it is about.
#[function_component]
pub fn AttemptLabel(props: &AttemptLabelProps) -> Html {
    let ui = &props.quiz.ui;
    let text = use_state(|| props.label.clone().unwrap_or_default());
    let saved = use_state(|| false);
    let onsubmit = {
        let text = text.clone();
        let saved = saved.clone();
        let on_save = props.on_save.clone();
        let id = props.attempt_id.to_string();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_save.emit((id.clone(), (*text).clone()));
            saved.set(true);
        })
    };
    let oninput = {
        let text = text.clone();
        let saved = saved.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                text.set(input.value());
            }
            saved.set(false);
        })
    };
    html! {
        <form class="attempt-label" {onsubmit} data-testid="attempt-label">
            <label for="attempt-label-input">{ ui.label_field.clone() }</label>
            <p id="attempt-label-hint" class="field-hint">{ ui.label_hint.clone() }</p>
            <div class="field-row">
                <input
                    id="attempt-label-input"
                    type="text"
                    maxlength={MAX_LABEL_CHARS.to_string()}
                    value={(*text).clone()}
                    aria-describedby="attempt-label-hint"
                    {oninput}
                />
                <button type="submit" class="button">{ ui.label_save.clone() }</button>
            </div>
            <p class="field-status" role="status">{ if *saved { ui.label_saved.clone() } else { String::new() } }</p>
        </form>
    }
}
