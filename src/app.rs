//! The root: loads the content, owns the visit's state, and routes.

use std::rc::Rc;

use quiz_core::{Answer, Quiz};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{
    ContentErrorPanel, History, Landing, Layout, NotFound, PartnerCompare, QuestionPage, Results,
    Review, SharedResult,
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
    let session = use_quiz_session(props.quiz.clone());
    let render = {
        let quiz = props.quiz.clone();
        let session = session.clone();
        Callback::from(move |route: Route| render_route(route, &quiz, &session))
    };
    let on_dismiss = {
        let session = session.clone();
        Callback::from(move |notice| session.dismiss(notice))
    };
    html! {
        <Layout quiz={props.quiz.clone()} notices={session.notices().to_vec()} {on_dismiss}>
            <Switch<Route> {render} />
        </Layout>
    }
}

fn render_route(route: Route, quiz: &Rc<Quiz>, session: &QuizSessionHandle) -> Html {
    let quiz = quiz.clone();
    match route {
        Route::Landing => {
            let answered = session.answers().answered_in(&quiz);
            let position = session.position();
            let session = session.clone();
            let on_start_over = Callback::from(move |()| session.restart());
            html! { <Landing {quiz} {answered} {position} {on_start_over} /> }
        }
        Route::Question { number } => {
            let Some((_, question)) = number.checked_sub(1).and_then(|i| quiz.question_at(i))
            else {
                return html! { <NotFound {quiz} /> };
            };
            let selected = session.answers().get(&question.id);
            let on_answer = {
                let session = session.clone();
                let question_id = question.id.clone();
                Callback::from(move |answer: Answer| {
                    session.answer(question_id.clone(), answer, number)
                })
            };
            let on_visit = {
                let session = session.clone();
                Callback::from(move |number| session.visit(number))
            };
            html! { <QuestionPage {quiz} {number} {selected} {on_answer} {on_visit} /> }
        }
        Route::Review => {
            let answers = session.answers().clone();
            let session = session.clone();
            let on_complete = Callback::from(move |()| session.complete());
            html! { <Review {quiz} {answers} {on_complete} /> }
        }
        Route::Results => match session.attempts().last() {
            Some(attempt) => render_results(quiz, session, attempt.id.clone()),
            None => {
                html! { <Results {quiz} attempt={None} attempts={Vec::new()} on_label={Callback::noop()} on_restart={Callback::noop()} /> }
            }
        },
        Route::ResultsFor { id } => render_results(quiz, session, id),
        Route::History => html! { <History {quiz} session={session.clone()} /> },
        Route::SharedResult { code } => {
            let mine = session.attempts().last().cloned();
            let session = session.clone();
            let on_save = Callback::from(move |attempt| session.restore_attempt(attempt));
            let key = code.clone();
            html! { <SharedResult {key} {quiz} {code} {mine} {on_save} /> }
        }
        Route::Compare { first, second } => html! { <PartnerCompare {quiz} {first} {second} /> },
        Route::NotFound => html! { <NotFound {quiz} /> },
    }
}

fn render_results(quiz: Rc<Quiz>, session: &QuizSessionHandle, id: String) -> Html {
    let attempts = session.attempts().to_vec();
    let Some(attempt) = attempts.iter().find(|a| a.id == id).cloned() else {
        return html! { <NotFound {quiz} /> };
    };
    let on_label = {
        let session = session.clone();
        Callback::from(move |(id, label): (String, String)| session.set_label(&id, &label))
    };
    let on_restart = {
        let session = session.clone();
        Callback::from(move |()| session.restart())
    };
    // Keyed, so the comparison and label state start afresh for another attempt.
    html! { <Results key={id} {quiz} attempt={Some(attempt)} {attempts} {on_label} {on_restart} /> }
}
