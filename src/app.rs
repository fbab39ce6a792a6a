//! The root: loads the content, owns the visit's state, and routes.

use std::rc::Rc;

use quiz_core::{Answer, Quiz};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{
    ContentErrorPanel, Landing, Layout, NotFound, QuestionPage, Results, Review,
};
use crate::content;
use crate::hooks::{use_quiz_session, QuizSessionHandle};
use crate::route::Route;

#[function_component]
pub fn App() -> Html {
    let quiz = use_memo((), |_| content::load(None));
    match &*quiz {
        Ok(quiz) => html! {
            <HashRouter>
                <QuizShell quiz={quiz.clone()} />
            </HashRouter>
        },
        Err(error) => html! { <ContentErrorPanel error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct QuizShellProps {
    quiz: Rc<Quiz>,
}

#[function_component]
fn QuizShell(props: &QuizShellProps) -> Html {
    let session = use_quiz_session();
    let render = {
        let quiz = props.quiz.clone();
        let session = session.clone();
        Callback::from(move |route: Route| render_route(route, &quiz, &session))
    };
    html! {
        <Layout quiz={props.quiz.clone()}>
            <Switch<Route> {render} />
        </Layout>
    }
}

fn render_route(route: Route, quiz: &Rc<Quiz>, session: &QuizSessionHandle) -> Html {
    let quiz = quiz.clone();
    match route {
        Route::Landing => html! { <Landing {quiz} /> },
        Route::Question { number } => {
            let Some((_, question)) = number.checked_sub(1).and_then(|i| quiz.question_at(i))
            else {
                return html! { <NotFound {quiz} /> };
            };
            let selected = session.answers().get(&question.id);
            let on_answer = {
                let session = session.clone();
                let question_id = question.id.clone();
                Callback::from(move |answer: Answer| session.answer(question_id.clone(), answer))
            };
            html! { <QuestionPage {quiz} {number} {selected} {on_answer} /> }
        }
        Route::Review => html! { <Review {quiz} answers={session.answers().clone()} /> },
        Route::Results => {
            let answers = session.answers().clone();
            let session = session.clone();
            let on_restart = Callback::from(move |()| session.restart());
            html! { <Results {quiz} {answers} {on_restart} /> }
        }
        Route::NotFound => html! { <NotFound {quiz} /> },
    }
}
