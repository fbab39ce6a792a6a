//! Which page each route shows, with the model's data and the events its
//! callbacks send: the wiring between the session and the components.

use quiz_core::route::Route;
use quiz_core::session::{CopyOutcome, Event, Field, Model};
use yew::prelude::*;

use crate::components::{
    EmbedPageProps, HistoryProps, Landing, NotFound, PartnerCompareProps, QuestionPage,
    ResultsProps, Review, SharedResultProps, YourDataProps,
};
use crate::hooks::SessionHandle;
use crate::lazy::lazy;
use crate::parts::{self, HistoryPage};

/// `Intl` locale for dates in `language`: the visitor's own region for it,
/// or the language's default (`quiz_core::language::locale`).
pub fn locale(language: &str) -> AttrValue {
    let languages = crate::content::languages();
    match languages.iter().find(|l| l.code == language) {
        Some(language) => AttrValue::from(quiz_core::language::locale(
            language,
            &crate::platform::browser_languages(),
        )),
        None => AttrValue::from(language.to_string()),
    }
}

fn status(model: &Model, field: Field) -> Option<CopyOutcome> {
    model
        .copy_status
        .filter(|(shown, _)| *shown == field)
        .map(|(_, outcome)| outcome)
}

/// The page for the model's route.
pub fn page(session: &SessionHandle) -> Html {
    let model = session.model();
    let quiz = session.quiz();
    let locale = locale(&quiz.language);
    // For the texts of a lazy page's fallback; `quiz` goes into its props.
    let fallback = quiz.clone();
    match model.route.clone() {
        // The core moves on to a question; nothing to show meanwhile.
        Route::Landing if session.skips_landing() => Html::default(),
        Route::Landing => html! {
            <Landing answered={model.answers.answered_in(&quiz)} {quiz} position={model.position}
                on_start_over={session.on(|()| Event::StartOver)} />
        },
        Route::Question { number } => {
            let selected = number
                .checked_sub(1)
                .and_then(|i| quiz.question_at(i))
                .and_then(|(_, q)| model.answers.get(&q.id));
            html! {
                <QuestionPage {quiz} {number} {selected}
                    on_answer={session.on(move |answer| Event::Answer { number, answer })}
                    on_next={session.on(|()| Event::Next)} on_back={session.on(|()| Event::Back)} />
            }
        }
        Route::Review => html! {
            <Review answered={model.answers.answered_in(&quiz)} open={model.answers.unanswered_positions(&quiz)}
                {quiz} on_complete={session.on(|()| Event::Complete)} />
        },
        route @ (Route::Results | Route::ResultsFor { .. }) => {
            let attempt = model.attempt_for(&route);
            if attempt.is_none() && route != Route::Results {
                return html! { <NotFound {quiz} /> };
            }
            let id = attempt.map(|a| AttrValue::from(a.id.clone()));
            let share_link = attempt.map(|a| session.share_link(a)).unwrap_or_default();
            let (title, url) = (quiz.ui.app_title.clone(), share_link.clone());
            let label_for = id.clone().unwrap_or_default().to_string();
            let key = label_for.clone();
            let props = yew::props!(ResultsProps {
                quiz: quiz.clone(),
                attempts: model.attempts.clone(),
                id,
                locale,
                share_link: share_link.clone(),
                can_share: session.can_share(),
                share_status: status(&model, Field::ShareLink),
                on_copy: session.on(move |()| Event::Copy {
                    field: Field::ShareLink,
                    text: share_link.clone()
                }),
                on_share: session.on(move |()| Event::Share {
                    field: Field::ShareLink,
                    title: title.clone(),
                    url: url.clone()
                }),
                on_label: session.on(move |label| Event::SetLabel {
                    attempt: label_for.clone(),
                    label
                }),
                on_start_again: session.on(|()| Event::StartAgain),
            });
            lazy(&parts::RESULTS, props, Some(key.into()), fallback)
        }
        Route::History => {
            let props = HistoryPage {
                history: yew::props!(HistoryProps {
                    quiz: quiz.clone(),
                    attempts: model.attempts.clone(),
                    locale,
                    can_undo: model.deleted.is_some(),
                    on_delete: session.on(|attempt| Event::Delete { attempt }),
                    on_undo: session.on(|()| Event::Undo),
                    on_delete_all: session.on(|()| Event::DeleteAll),
                    children: Html::default(),
                }),
                data: yew::props!(YourDataProps {
                    quiz,
                    storage: model.storage,
                    status: model.data_status.clone(),
                    on_export: session.on(|()| Event::Export),
                    on_import: session.on(|bytes| Event::ImportChosen { bytes }),
                    on_delete_everything: session.on(|()| Event::DeleteEverything),
                }),
            };
            lazy(&parts::HISTORY, props, None, fallback)
        }
        Route::SharedResult { code } => {
            let mine = model
                .attempts
                .last()
                .map(|a| AttrValue::from(session.share_code(a)));
            let saved = model.saved_shared.as_deref() == Some(code.as_str());
            let to_save = code.clone();
            let props = yew::props!(SharedResultProps {
                quiz,
                code: code.clone(),
                mine,
                locale,
                saved,
                on_save: session.on(move |()| Event::SaveShared {
                    code: to_save.clone()
                }),
            });
            lazy(&parts::SHARED, props, Some(code.into()), fallback)
        }
        Route::Compare { first, second } => {
            let link = session.compare_link(&first, &second);
            let props = yew::props!(PartnerCompareProps {
                quiz,
                first,
                second,
                link
            });
            lazy(&parts::COMPARE, props, None, fallback)
        }
        Route::Embed => {
            let props = yew::props!(EmbedPageProps {
                quiz,
                app_base: session.app_base(),
                copy_status: status(&model, Field::EmbedCode),
                on_copy: session.on(|text| Event::Copy {
                    field: Field::EmbedCode,
                    text
                }),
            });
            lazy(&parts::EMBED, props, None, fallback)
        }
        Route::NotFound => html! { <NotFound {quiz} /> },
    }
}
