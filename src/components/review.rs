use quiz_core::route::Route;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::use_focus_on;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub quiz: QuizRef,
    /// Questions with an answer ("Not sure" counts).
    pub answered: usize,
    /// Zero-based positions of the questions still open.
    pub open: Vec<usize>,
    /// Records the attempt and shows it.
    pub on_complete: Callback<()>,
}

/// Before the results: how many questions are answered, and links to the open ones.
#[function_component]
pub fn Review(props: &ReviewProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let total = quiz.question_count();
    let on_see_results = props.on_complete.reform(|_: MouseEvent| ());
    let summary = quiz_core::wording::review_summary(ui, props.answered, total);
    html! {
        <section class="page review">
            <h1 ref={heading} tabindex="-1">{ ui.review_heading.clone() }</h1>
            <p data-testid="review-summary">{ summary }</p>
            if props.open.is_empty() {
                <p>{ ui.review_all_answered.clone() }</p>
            } else {
                <h2>{ ui.review_unanswered_heading.clone() }</h2>
                <ul class="open-questions" data-testid="open-questions">
                    { for props.open.iter().filter_map(|position| {
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
                if props.answered > 0 {
                    <button type="button" class="button button-primary" onclick={on_see_results}>{ ui.see_results.clone() }</button>
                } else {
                    <a href={Route::Question { number: 1 }.to_hash()} class="button button-primary">{ ui.start.clone() }</a>
                }
            </div>
        </section>
    }
}
