use std::rc::Rc;

use quiz_core::text::fill;
use quiz_core::{AnswerSheet, Quiz};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_focus_on;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub quiz: Rc<Quiz>,
    pub answers: AnswerSheet,
    /// Records the attempt and returns its id.
    pub on_complete: Callback<(), String>,
}

/// Before the results: how many questions are answered, and links to the open ones.
#[function_component]
pub fn Review(props: &ReviewProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let navigator = use_navigator();
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let total = quiz.question_count();
    let answered = props.answers.answered_in(quiz);
    let open = props.answers.unanswered_positions(quiz);
    let on_see_results = {
        let on_complete = props.on_complete.clone();
        Callback::from(move |_: MouseEvent| {
            let id = on_complete.emit(());
            if let Some(navigator) = &navigator {
                navigator.push(&Route::ResultsFor { id });
            }
        })
    };
    let summary = fill(
        &ui.review_summary,
        &[
            ("answered", &answered.to_string()),
            ("total", &total.to_string()),
        ],
    );
    html! {
        <section class="page review">
            <h1 ref={heading} tabindex="-1">{ ui.review_heading.clone() }</h1>
            <p data-testid="review-summary">{ summary }</p>
            if open.is_empty() {
                <p>{ ui.review_all_answered.clone() }</p>
            } else {
                <h2>{ ui.review_unanswered_heading.clone() }</h2>
                <ul class="open-questions" data-testid="open-questions">
                    { for open.iter().filter_map(|position| {
                        let (_, question) = quiz.question_at(*position)?;
                        let number = position + 1;
                        let label = fill(&ui.review_go_to_question, &[("n", &number.to_string())]);
                        Some(html! {
                            <li>
                                <Link<Route> to={Route::Question { number }}>{ label }</Link<Route>>
                                { ": " }{ question.prompt.clone() }
                            </li>
                        })
                    }) }
                </ul>
            }
            <div class="question-nav">
                <Link<Route> to={Route::Question { number: total }} classes="button">{ ui.back.clone() }</Link<Route>>
                if answered > 0 {
                    <button type="button" class="button button-primary" onclick={on_see_results}>{ ui.see_results.clone() }</button>
                } else {
                    <Link<Route> to={Route::Question { number: 1 }} classes="button button-primary">{ ui.start.clone() }</Link<Route>>
                }
            </div>
        </section>
    }
}
