//! The root: loads the content, owns the visit's state, and routes.

use std::cell::RefCell;
use std::rc::Rc;

use quiz_core::embed::{Completed, EmbedEvent};
use quiz_core::storage::from_stored;
use quiz_core::{score, Answer};
use yew::prelude::*;

use crate::components::{
    ContentErrorPanel, EmbedPage, History, Landing, Layout, NotFound, PartnerCompare, QuestionPage,
    Results, Review, SharedResult,
};
use crate::content::{self, ContentError, QuizRef};
use crate::embed::{emit, Embed, HeightReporter};
use crate::hooks::{replace_route, use_quiz_session, use_route, QuizSessionHandle};
use crate::route::Route;
use crate::share_link;

#[function_component]
pub fn App() -> Html {
    let embed = use_memo((), |_| Embed::from_location());
    let quiz = {
        let language = embed
            .as_ref()
            .as_ref()
            .and_then(|e| e.options.language.clone());
        use_memo((), move |_| match content::load(language.as_deref()) {
            // A site owner's unknown language must not leave visitors with an error.
            Err(ContentError::UnknownLanguage(_)) => content::load(None),
            loaded => loaded,
        })
    };
    {
        let embed = (*embed).clone();
        use_effect_with((), move |_| {
            let reporter = embed.map(|embed| {
                embed.style_document();
                HeightReporter::start(embed)
            });
            move || drop(reporter)
        });
    }
    match &*quiz {
        Ok(quiz) => html! { <QuizShell quiz={quiz.clone()} embed={(*embed).clone()} /> },
        Err(error) => html! { <ContentErrorPanel error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct QuizShellProps {
    quiz: QuizRef,
    /// Set when the app runs inside a host page's iframe.
    embed: Option<Rc<Embed>>,
}

/// What the routes need from the shell, so a host page hears of each step.
#[derive(Clone)]
struct Steps {
    on_answer: Callback<(String, Answer, usize)>,
    /// Records the attempt and returns its id.
    on_complete: Callback<(), String>,
    on_restart: Callback<()>,
    /// Embedded with the start screen off: the landing route only redirects.
    skip_landing: bool,
    /// Embedded with `data-share-base`: where share links point.
    share_base: Option<AttrValue>,
}

#[function_component]
fn QuizShell(props: &QuizShellProps) -> Html {
    let session = use_quiz_session(props.quiz.clone());
    let embed = props.embed.clone();
    // The question shown is remembered, so a reload resumes on it; recorded as
    // the route changes, it renders with the new question, not after it.
    let route = {
        let (session, total) = (session.clone(), props.quiz.question_count());
        use_route(Callback::from(move |route: Route| {
            if let Route::Question { number } = route {
                if (1..=total).contains(&number) {
                    session.visit(number);
                }
            }
        }))
    };
    // A resumed assessment was started on an earlier visit.
    let started = use_mut_ref(|| !session.answers().is_empty());
    // The attempt `complete()` just recorded, reported once it is in the state.
    let completing: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let previous_route: Rc<RefCell<Option<Route>>> = use_mut_ref(|| None);
    let skip_landing = embed.as_ref().is_some_and(|e| !e.options.start_screen);

    {
        let embed = embed.clone();
        use_effect_with((), move |_| emit(embed.as_ref(), EmbedEvent::Ready));
    }
    {
        let (embed, started, session, quiz) = (
            embed.clone(),
            started.clone(),
            session.clone(),
            props.quiz.clone(),
        );
        use_effect_with(route.clone(), move |route| {
            // Only a start page the visitor saw counts; a skipped one just redirects.
            let previous = previous_route.replace(Some(route.clone()));
            let from_landing = !skip_landing && matches!(previous, Some(Route::Landing));
            match route {
                Route::Landing if skip_landing => {
                    // Replace, so Back does not return to a page that only redirects.
                    replace_route(&Route::Question {
                        number: session.position().max(1),
                    });
                }
                Route::Question { number } => {
                    let total = quiz.question_count();
                    if let Some(index) = number.checked_sub(1).filter(|i| *i < total) {
                        // The route hook's listener records changes; this is for
                        // the page's first route (a no-op when already recorded).
                        session.visit(*number);
                        let fresh = session.answers().is_empty();
                        if from_landing && fresh && !started.replace(true) {
                            emit(embed.as_ref(), EmbedEvent::Started);
                        }
                        emit(embed.as_ref(), EmbedEvent::Question { index, total });
                    }
                }
                _ => {}
            }
        });
    }
    {
        let (embed, completing, started, quiz, session) = (
            embed.clone(),
            completing.clone(),
            started.clone(),
            props.quiz.clone(),
            session.clone(),
        );
        let last = session.attempts().last().map(|a| a.id.clone());
        use_effect_with(last, move |_| {
            let Some(id) = completing.borrow_mut().take() else {
                return;
            };
            started.replace(false);
            let Some(attempt) = session.attempts().iter().find(|a| a.id == id) else {
                return;
            };
            let Some(embed) = embed else {
                return;
            };
            let report = score(&quiz, &from_stored(&quiz, &attempt.answers));
            let link = share_link::code_for(&quiz, attempt)
                .map(|code| share_link::result_link(embed.share_base(), &code))
                .unwrap_or_default();
            embed.post(&EmbedEvent::Completed(Completed::new(&quiz, &report, link)));
        });
    }

    let steps = {
        let session = session.clone();
        let embed = embed.clone();
        let share_base = embed
            .as_ref()
            .and_then(|e| e.share_base())
            .map(|b| AttrValue::from(b.to_string()));
        let on_answer = {
            let (session, embed, started) = (session.clone(), embed.clone(), started.clone());
            Callback::from(
                move |(question_id, answer, number): (String, Answer, usize)| {
                    if session.answers().is_empty() && !started.replace(true) {
                        emit(embed.as_ref(), EmbedEvent::Started);
                    }
                    session.answer(question_id, answer, number);
                },
            )
        };
        let on_complete = {
            let session = session.clone();
            Callback::from(move |()| {
                let id = session.complete();
                completing.replace(Some(id.clone()));
                id
            })
        };
        let on_restart = Callback::from(move |()| {
            session.restart();
            started.replace(false);
            emit(embed.as_ref(), EmbedEvent::Restarted);
        });
        Steps {
            on_answer,
            on_complete,
            on_restart,
            skip_landing,
            share_base,
        }
    };
    let page = render_route(route, &props.quiz, &session, &steps);
    let on_dismiss = {
        let session = session.clone();
        Callback::from(move |notice| session.dismiss(notice))
    };
    html! {
        <Layout quiz={props.quiz.clone()} notices={session.notices().to_vec()} {on_dismiss} embedded={props.embed.is_some()}>
            { page }
        </Layout>
    }
}

fn render_route(route: Route, quiz: &QuizRef, session: &QuizSessionHandle, steps: &Steps) -> Html {
    let quiz = quiz.clone();
    match route {
        // The shell's route effect moves on to the question.
        Route::Landing if steps.skip_landing => Html::default(),
        Route::Landing => {
            let answered = session.answers().answered_in(&quiz);
            let position = session.position();
            let on_start_over = steps.on_restart.clone();
            html! { <Landing {quiz} {answered} {position} {on_start_over} /> }
        }
        Route::Question { number } => {
            let Some((_, question)) = number.checked_sub(1).and_then(|i| quiz.question_at(i))
            else {
                return html! { <NotFound {quiz} /> };
            };
            let selected = session.answers().get(&question.id);
            let on_answer = {
                let on_answer = steps.on_answer.clone();
                let question_id = question.id.clone();
                Callback::from(move |answer: Answer| {
                    on_answer.emit((question_id.clone(), answer, number))
                })
            };
            html! { <QuestionPage {quiz} {number} {selected} {on_answer} /> }
        }
        Route::Review => {
            let answers = session.answers().clone();
            let on_complete = steps.on_complete.clone();
            html! { <Review {quiz} {answers} {on_complete} /> }
        }
        Route::Results => match session.attempts().last() {
            Some(attempt) => render_results(quiz, session, steps, attempt.id.clone()),
            None => {
                html! { <Results {quiz} attempt={None} attempts={Vec::new()} on_label={Callback::noop()} on_restart={Callback::noop()} /> }
            }
        },
        Route::ResultsFor { id } => render_results(quiz, session, steps, id),
        Route::History => html! { <History {quiz} session={session.clone()} /> },
        Route::SharedResult { code } => {
            let mine = session.attempts().last().cloned();
            let session = session.clone();
            let on_save = Callback::from(move |attempt| session.restore_attempt(attempt));
            let key = code.clone();
            html! { <SharedResult {key} {quiz} {code} {mine} {on_save} /> }
        }
        Route::Compare { first, second } => {
            html! { <PartnerCompare {quiz} {first} {second} share_base={steps.share_base.clone()} /> }
        }
        Route::Embed => html! { <EmbedPage {quiz} /> },
        Route::NotFound => html! { <NotFound {quiz} /> },
    }
}

fn render_results(quiz: QuizRef, session: &QuizSessionHandle, steps: &Steps, id: String) -> Html {
    let attempts = session.attempts().to_vec();
    let Some(attempt) = attempts.iter().find(|a| a.id == id).cloned() else {
        return html! { <NotFound {quiz} /> };
    };
    let on_label = {
        let session = session.clone();
        Callback::from(move |(id, label): (String, String)| session.set_label(&id, &label))
    };
    let on_restart = steps.on_restart.clone();
    let share_base = steps.share_base.clone();
    // Keyed, so the comparison and label state start afresh for another attempt.
    html! { <Results key={id} {quiz} attempt={Some(attempt)} {attempts} {on_label} {on_restart} {share_base} /> }
}
