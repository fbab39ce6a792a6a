use std::rc::Rc;

use quiz_core::text::fill;
use quiz_core::Quiz;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

/// Seconds a considered answer takes; 30 questions come to about 8 minutes.
const SECONDS_PER_QUESTION: usize = 16;

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub quiz: Rc<Quiz>,
}

#[function_component]
pub fn Landing(props: &LandingProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let questions = quiz.question_count();
    let minutes = (questions * SECONDS_PER_QUESTION).div_ceil(60).max(1);
    let duration = fill(
        &ui.landing_duration,
        &[
            ("minutes", &minutes.to_string()),
            ("questions", &questions.to_string()),
            ("dimensions", &quiz.dimensions.len().to_string()),
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
            <Link<Route> to={Route::Question { number: 1 }} classes="button button-primary">
                { ui.start.clone() }
            </Link<Route>>
        </section>
    }
}
