use quiz_core::text::fill;
use quiz_core::AnswerSheet;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::{push_route, use_focus_on};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub quiz: QuizRef,
    pub answers: AnswerSheet,
    /// Records the attempt and returns its id.
    pub on_complete: Callback<(), String>,
}

/// Before the results: how many questions are answered, and links to the open ones.
#[function_component]
pub fn Review(props: &ReviewProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let total = quiz.question_count();
    let answered = props.answers.answered_in(quiz);
    let open = props.answers.unanswered_positions(quiz);
    let on_see_results = {
        let on_complete = props.on_complete.clone();
        Callback::from(move |_: MouseEvent| {
            let id = on_complete.emit(());
            push_route(&Route::ResultsFor { id });
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
                                <a href={Route::Question { number }.to_hash()}>{ label }</a>
                                { ": " }{ question.prompt.clone() }
                            </li>
                        })
                    }) }
                </ul>
            }
            <div class="question-nav">
                <a href={Route::Question { number: total }.to_hash()} class="button">{ ui.back.clone() }</a>
                if answered > 0 {
                    <button type="button" class="button button-primary" onclick={on_see_results}>{ ui.see_results.clone() }</button>
                } else {
                    <a href={Route::Question { number: 1 }.to_hash()} class="button button-primary">{ ui.start.clone() }</a>
                }
            </div>
        </section>
    }
}
