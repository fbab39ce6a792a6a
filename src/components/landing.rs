use quiz_core::route::Route;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub quiz: QuizRef,
    /// Questions answered in the assessment in progress (0: none in progress).
    #[prop_or_default]
    pub answered: usize,
    /// One-based question the visitor was on.
    #[prop_or(1)]
    pub position: usize,
    /// Discards the assessment in progress and opens question 1.
    #[prop_or_default]
    pub on_start_over: Callback<()>,
}

#[function_component]
pub fn Landing(props: &LandingProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let questions = quiz.question_count();
    // Computed from the content (reading and deciding), never typed in.
    let minutes = quiz.minutes().max(1);
    let duration = fill(
        &ui.landing_duration,
        &[
            ("minutes", &minutes.to_string()),
            ("questions", &questions.to_string()),
            ("dimensions", &quiz.dimensions.len().to_string()),
        ],
    );
    let on_start_over = props.on_start_over.reform(|_: MouseEvent| ());
    let resume_label = fill(
        &ui.landing_resume,
        &[
            ("answered", &props.answered.to_string()),
            ("total", &questions.to_string()),
        ],
    );
    html! {
        <section class="page landing">
            <h1>{ ui.landing_heading.clone() }</h1>
            { for ui.landing_intro.iter().map(|p| html! { <p class="lead">{ p.clone() }</p> }) }
            <ul class="benefits">
                { for ui.landing_what_you_get.iter().map(|item| html! { <li>{ item.clone() }</li> }) }
            </ul>
            <p class="duration" data-testid="duration">{ duration }</p>
            <p class="privacy">{ ui.landing_privacy.clone() }</p>
            if props.answered > 0 {
                <div class="resume" data-testid="resume">
                    <p>{ ui.landing_resume_intro.clone() }</p>
                    <div class="button-row">
                        <a href={Route::Question { number: props.position }.to_hash()} class="button button-primary">
                            { resume_label }
                        </a>
                        <button type="button" class="button" onclick={on_start_over}>{ ui.landing_start_over.clone() }</button>
                    </div>
                </div>
            } else {
                <a href={Route::Question { number: 1 }.to_hash()} class="button button-primary">
                    { ui.start.clone() }
                </a>
            }
        </section>
    }
}
