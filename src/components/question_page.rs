use quiz_core::text::fill;
use quiz_core::Answer;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::{AnswerOptions, ProgressBar};
use crate::content::QuizRef;
use crate::hooks::{push_route, use_focus_on};
use crate::performance::mark_first_question_interactive;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub quiz: QuizRef,
    /// One-based; the caller guarantees it names a question.
    pub number: usize,
    pub selected: Option<Answer>,
    pub on_answer: Callback<Answer>,
}

#[function_component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), props.number);
    use_effect_with(props.number, |number| {
        if *number == 1 {
            mark_first_question_interactive();
        }
    });

    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let total = quiz.question_count();
    let Some((dimension, question)) = props
        .number
        .checked_sub(1)
        .and_then(|i| quiz.question_at(i))
    else {
        return Html::default();
    };

    let go = |target: Route| move || push_route(&target);
    let next_route = if props.number < total {
        Route::Question {
            number: props.number + 1,
        }
    } else {
        Route::Review
    };
    let back_route = if props.number > 1 {
        Route::Question {
            number: props.number - 1,
        }
    } else {
        Route::Landing
    };
    let go_next = go(next_route);
    let go_back = go(back_route);

    let onsubmit = {
        let go_next = go_next.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            go_next();
        })
    };
    let onkeydown = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            let key = event.key();
            if let Some(answer) = answer_for_key(&key) {
                event.prevent_default();
                on_answer.emit(answer);
            } else if key == "Enter" && !target_activates_itself(&event) {
                event.prevent_default();
                go_next();
            }
        })
    };
    let on_back = Callback::from(move |_: MouseEvent| go_back());
    let progress = fill(
        &ui.question_progress,
        &[
            ("n", &props.number.to_string()),
            ("total", &total.to_string()),
        ],
    );

    html! {
        <form class="page question" {onsubmit} {onkeydown} data-testid="question" data-question-id={question.id.clone()}>
            <p class="question-dimension" data-testid="question-dimension">{ quiz.dimensions[dimension].name.clone() }</p>
            <ProgressBar current={props.number} {total} label={progress} />
            <AnswerOptions
                question={question.clone()}
                selected={props.selected}
                not_sure_label={ui.not_sure.clone()}
                heading_ref={heading}
                on_choose={props.on_answer.clone()}
            />
            <p class="keys-hint">{ ui.answer_keys_hint.clone() }</p>
            <div class="question-nav">
                <button type="button" class="button" onclick={on_back}>{ ui.back.clone() }</button>
                <button type="submit" class="button button-primary">
                    { if props.number < total { ui.next.clone() } else { ui.review.clone() } }
                </button>
            </div>
        </form>
    }
}

/// Keys 1 to 5 pick the options in order; 0 is "Not sure".
pub fn answer_for_key(key: &str) -> Option<Answer> {
    match key {
        "0" => Some(Answer::NotSure),
        "1" | "2" | "3" | "4" | "5" => key.parse::<u8>().ok().map(|n| Answer::Choice(n - 1)),
        _ => None,
    }
}

/// Enter on a button or link already activates it; handling it too would act twice.
fn target_activates_itself(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "BUTTON" | "A"))
}
