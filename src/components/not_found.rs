use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::use_focus_on;
use quiz_core::route::Route;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub quiz: QuizRef,
}

#[function_component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let ui = &props.quiz.ui;
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    html! {
        <section class="page not-found">
            <h1 ref={heading} tabindex="-1">{ ui.not_found_heading.clone() }</h1>
            <p>{ ui.not_found_text.clone() }</p>
            <a href={Route::Landing.to_hash()} class="button">{ ui.back_to_start.clone() }</a>
        </section>
    }
}
