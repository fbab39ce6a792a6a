use gloo::timers::callback::Timeout;
use quiz_core::storage::Attempt;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::components::YourData;
use crate::content::QuizRef;
use crate::format;
use crate::hooks::{use_focus_on, QuizSessionHandle};
use crate::route::Route;

/// How long "Undo" stays offered after a delete.
const UNDO_MILLIS: u32 = 8_000;

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub quiz: QuizRef,
    pub session: QuizSessionHandle,
}

/// Completed attempts, newest first, with delete (and undo) and the data panel.
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let session = &props.session;
    let deleted = use_state(|| None::<Attempt>);
    let undo_timer = use_mut_ref(|| None::<Timeout>);
    let confirming = use_state(|| false);

    let on_delete = |id: String| {
        let session = session.clone();
        let deleted = deleted.clone();
        let undo_timer = undo_timer.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(removed) = session.delete_attempt(&id) else {
                return;
            };
            deleted.set(Some(removed));
            let expire = deleted.clone();
            *undo_timer.borrow_mut() = Some(Timeout::new(UNDO_MILLIS, move || expire.set(None)));
        })
    };
    let on_undo = {
        let session = session.clone();
        let deleted = deleted.clone();
        let undo_timer = undo_timer.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(attempt) = (*deleted).clone() {
                session.restore_attempt(attempt);
            }
            undo_timer.borrow_mut().take();
            deleted.set(None);
        })
    };
    let on_ask_delete_all = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_delete_all = {
        let session = session.clone();
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            session.delete_all_attempts();
            confirming.set(false);
        })
    };

    let attempts: Vec<&Attempt> = session.attempts().iter().rev().collect();
    html! {
        <section class="page history">
            <h1 ref={heading} tabindex="-1">{ ui.history_heading.clone() }</h1>
            <p>{ ui.history_intro.clone() }</p>
            <div class="undo-bar" role="status" aria-live="polite">
                if deleted.is_some() {
                    <p data-testid="undo-bar">
                        { ui.history_deleted.clone() }{ " " }
                        <button type="button" class="button button-small" onclick={on_undo}>{ ui.history_undo.clone() }</button>
                    </p>
                }
            </div>
            if attempts.is_empty() {
                <p data-testid="history-empty">{ ui.history_empty.clone() }</p>
            } else {
                <ul class="history-list" data-testid="history-list">
                    { for attempts.iter().map(|attempt| {
                        let title = attempt.label.clone().unwrap_or_else(|| ui.history_untitled.clone());
                        let level = attempt.scores.level.as_ref()
                            .and_then(|id| quiz.levels.iter().find(|l| &l.id == id))
                            .map_or_else(|| ui.not_assessed.clone(), |l| l.name.clone());
                        let overall = attempt.scores.overall.map_or_else(|| "–".to_string(), |s| s.to_string());
                        html! {
                            <li class="history-item" data-testid="history-item">
                                <div>
                                    <p class="history-title">{ title }</p>
                                    <p class="history-meta">
                                        { format::date(attempt.completed_at, &quiz.language) }{ " · " }
                                        <span data-testid="history-score">{ overall }</span>{ " · " }{ level }
                                    </p>
                                </div>
                                <div class="button-row">
                                    <a href={Route::ResultsFor { id: attempt.id.clone() }.to_hash()} class="button button-small">
                                        { ui.history_open.clone() }
                                    </a>
                                    <button type="button" class="button button-small" onclick={on_delete(attempt.id.clone())}>
                                        { ui.history_delete.clone() }
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-all">
                        <p id="confirm-delete-all">{ fill(&ui.history_delete_all_confirm, &[("count", &attempts.len().to_string())]) }</p>
                        <div class="button-row">
                            <button type="button" class="button button-danger" onclick={on_delete_all}>{ ui.history_confirm_delete_all.clone() }</button>
                            <button type="button" class="button" onclick={on_cancel}>{ ui.history_cancel.clone() }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="button" onclick={on_ask_delete_all}>{ ui.history_delete_all.clone() }</button>
                }
            }
            <YourData quiz={quiz.clone()} session={session.clone()} />
        </section>
    }
}
