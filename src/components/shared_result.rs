use std::rc::Rc;

use quiz_core::score;
use quiz_core::share::{code_from_pasted, decode, SharedAnswers};
use quiz_core::storage::{new_attempt, Attempt};
use quiz_core::text::fill;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{LinkProblem, ResultReport};
use crate::content::QuizRef;
use crate::format;
use crate::hooks::{push_route, use_focus_on};
use crate::route::Route;
use crate::share_link::{self, MS_PER_DAY};

#[derive(Properties, PartialEq)]
pub struct SharedResultProps {
    pub quiz: QuizRef,
    /// The code from the link, as typed: anything at all.
    pub code: AttrValue,
    /// The visitor's own latest attempt, to compare with.
    pub mine: Option<Attempt>,
    /// Adds the shared result to the visitor's history (only when asked).
    pub on_save: Callback<Attempt>,
}

/// Someone else's result, read-only, with ways to take the quiz, save it, or
/// compare it with another result.
#[function_component]
pub fn SharedResult(props: &SharedResultProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), props.code.clone());
    let saved = use_state(|| false);
    let paste_error = use_state(|| false);
    let pasted = use_state(String::new);
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let decoded = use_memo((quiz.clone(), props.code.clone()), |(quiz, code)| {
        decode(code, &quiz.releases)
    });
    let shared: SharedAnswers = match &*decoded {
        Ok(shared) => shared.clone(),
        Err(error) => return html! { <LinkProblem quiz={quiz.clone()} error={error.clone()} /> },
    };
    let report = Rc::new(score(quiz, &shared.answers));
    let completed_ms = shared.completed_on.map(|day| f64::from(day) * MS_PER_DAY);

    let on_save = {
        let (quiz, shared, saved, on_save) = (
            quiz.clone(),
            shared.clone(),
            saved.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let at = completed_ms.unwrap_or_else(js_sys::Date::now);
            let mut attempt = new_attempt(&quiz, &shared.answers, at, at);
            attempt.label = shared.label.clone();
            on_save.emit(attempt);
            saved.set(true);
        })
    };
    let go_compare = |second: String| {
        let route = Route::Compare {
            first: props.code.to_string(),
            second,
        };
        move || push_route(&route)
    };
    let mine_code = props
        .mine
        .as_ref()
        .and_then(|attempt| share_link::code_for(quiz, attempt));
    let on_compare_mine = mine_code.map(|code| {
        let go = go_compare(code);
        Callback::from(move |_: MouseEvent| go())
    });
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                pasted.set(input.value());
            }
        })
    };
    let on_paste_submit = {
        let (pasted, paste_error) = (pasted.clone(), paste_error.clone());
        let first = props.code.to_string();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match code_from_pasted(&pasted) {
                Some(second) => {
                    paste_error.set(false);
                    push_route(&Route::Compare {
                        first: first.clone(),
                        second: second.to_string(),
                    });
                }
                None => paste_error.set(true),
            }
        })
    };

    html! {
        <section class="page results shared-result" data-testid="shared-result">
            <p class="shared-badge">{ ui.shared_badge.clone() }</p>
            <h1 ref={heading} tabindex="-1">{ ui.shared_heading.clone() }</h1>
            <p class="results-meta">
                if let Some(label) = &shared.label {
                    <strong data-testid="result-label">{ label.clone() }</strong>{ " · " }
                }
                if let Some(ms) = completed_ms {
                    { fill(&ui.results_completed_on, &[("date", &format::date(ms, &quiz.language))]) }
                }
            </p>
            <p>{ ui.shared_intro.clone() }</p>
            <div class="button-row">
                <a href={Route::Landing.to_hash()} class="button button-primary">{ ui.shared_take_quiz.clone() }</a>
                if *saved {
                    <p role="status" class="field-status">{ ui.shared_saved.clone() }</p>
                } else {
                    <button type="button" class="button" onclick={on_save}>{ ui.shared_save.clone() }</button>
                }
            </div>
            <ResultReport quiz={quiz.clone()} {report} />
            <section class="compare-partner" aria-labelledby="compare-partner-heading">
                <h2 id="compare-partner-heading">{ ui.shared_compare_heading.clone() }</h2>
                <p>{ ui.shared_compare_intro.clone() }</p>
                if let Some(on_compare_mine) = on_compare_mine {
                    <button type="button" class="button" onclick={on_compare_mine}>{ ui.shared_compare_mine.clone() }</button>
                }
                <form class="paste-form" onsubmit={on_paste_submit}>
                    <label for="paste-link">{ ui.shared_compare_paste_label.clone() }</label>
                    <div class="field-row">
                        <input id="paste-link" type="text" oninput={on_paste_input} value={(*pasted).clone()} />
                        <button type="submit" class="button">{ ui.shared_compare_paste_button.clone() }</button>
                    </div>
                </form>
                if *paste_error {
                    <p role="alert" class="field-error">{ ui.shared_compare_paste_invalid.clone() }</p>
                }
            </section>
        </section>
    }
}
