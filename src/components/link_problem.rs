use quiz_core::share::ShareError;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::use_focus_on;
use quiz_core::route::Route;

#[derive(Properties, PartialEq)]
pub struct LinkProblemProps {
    pub quiz: QuizRef,
    pub error: ShareError,
}

/// A result link that cannot be shown: damaged, or from a newer version.
#[function_component]
pub fn LinkProblem(props: &LinkProblemProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let ui = &props.quiz.ui;
    let (title, text) = if props.error.is_newer_version() {
        (&ui.link_newer_heading, &ui.link_newer_text)
    } else {
        (&ui.link_damaged_heading, &ui.link_damaged_text)
    };
    html! {
        <section class="page link-problem" data-testid="link-problem">
            <h1 ref={heading} tabindex="-1">{ title.clone() }</h1>
            <p>{ text.clone() }</p>
            <a href={Route::Landing.to_hash()} class="button button-primary">{ ui.shared_take_quiz.clone() }</a>
        </section>
    }
}
