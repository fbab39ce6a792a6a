use std::rc::Rc;

use quiz_core::calendar;
use quiz_core::session::local_day;
use quiz_core::storage::Attempt;
use quiz_core::text::fill;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::{focus, focus_lost, use_focus_on};
use crate::platform::{self, dates};
use quiz_core::route::Route;

#[derive(Properties, PartialEq, Clone)]
pub struct HistoryProps {
    pub quiz: QuizRef,
    /// Completed attempts, oldest first.
    pub attempts: Rc<Vec<Attempt>>,
    /// `Intl` locale for dates.
    pub locale: AttrValue,
    /// A result was just deleted and can be brought back.
    pub can_undo: bool,
    /// Deletes the attempt with this id.
    pub on_delete: Callback<String>,
    pub on_undo: Callback<()>,
    pub on_delete_all: Callback<()>,
    /// "Your data", below the list.
    pub children: Html,
}

/// Completed attempts, newest first, with delete (and undo).
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    // Deleting removes the row whose button had focus (Yew may reuse that
    // button for the next row, so focus can look kept): it goes to Undo, a
    // second delete while Undo is offered too, and when the offer ends (used
    // or run out) to the heading, never to the page itself, where the next
    // Tab would start from the top.
    let undo_button = use_node_ref();
    {
        let (undo_button, heading) = (undo_button.clone(), heading.clone());
        use_effect_with(
            (props.can_undo, props.attempts.len()),
            move |(can_undo, _)| {
                if *can_undo {
                    focus(&undo_button);
                } else if focus_lost() {
                    focus(&heading);
                }
            },
        );
    }
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let confirming = use_state(|| false);
    let on_undo = props.on_undo.reform(|_: MouseEvent| ());
    // Asking replaces the button with the question, and answering it the
    // other way round: focus follows, to the safe answer first.
    let (cancel_button, delete_all_button) = (use_node_ref(), use_node_ref());
    {
        let (cancel_button, delete_all_button) = (cancel_button.clone(), delete_all_button.clone());
        use_effect_with(*confirming, move |confirming| {
            if *confirming {
                focus(&cancel_button);
            } else if focus_lost() {
                focus(&delete_all_button);
            }
        });
    }
    let on_ask_delete_all = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let on_delete_all = {
        let (confirming, on_delete_all) = (confirming.clone(), props.on_delete_all.clone());
        let heading = heading.clone();
        Callback::from(move |_: MouseEvent| {
            on_delete_all.emit(());
            confirming.set(false);
            // The list and this button go; the heading stays.
            focus(&heading);
        })
    };

    let attempts: Vec<&Attempt> = props.attempts.iter().rev().collect();
    let last = last_assessment(&props.attempts, &props.locale)
        .map(|when| fill(&ui.history_last, &[("when", &when)]));
    html! {
        <section class="page history">
            <h1 ref={heading} tabindex="-1">{ ui.history_heading.clone() }</h1>
            <p>{ ui.history_intro.clone() }</p>
            if let Some(last) = last {
                <p class="history-last" data-testid="last-assessment">{ last }</p>
            }
            <div class="undo-bar" role="status" aria-live="polite">
                if props.can_undo {
                    <p data-testid="undo-bar">
                        { ui.history_deleted.clone() }{ " " }
                        <button ref={undo_button} type="button" class="button button-small" onclick={on_undo}>{ ui.history_undo.clone() }</button>
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
                        let on_delete = {
                            let (id, on_delete) = (attempt.id.clone(), props.on_delete.clone());
                            Callback::from(move |_: MouseEvent| on_delete.emit(id.clone()))
                        };
                        html! {
                            <li class="history-item" data-testid="history-item">
                                <div>
                                    <p class="history-title"><bdi>{ title }</bdi></p>
                                    <p class="history-meta">
                                        if let Some(date) = dates::instant(attempt.completed_at, &props.locale) {
                                            { date }{ " · " }
                                        }
                                        <span data-testid="history-score">{ overall }</span>{ " · " }{ level }
                                    </p>
                                </div>
                                <div class="button-row">
                                    <a href={Route::ResultsFor { id: attempt.id.clone() }.to_hash()} class="button button-small">
                                        { ui.history_open.clone() }
                                    </a>
                                    <button type="button" class="button button-small" onclick={on_delete}>
                                        { ui.history_delete.clone() }
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-all">
                        <p id="confirm-delete-all">{ quiz_core::wording::delete_all_confirm(ui, attempts.len()) }</p>
                        <div class="button-row">
                            <button type="button" class="button button-danger" onclick={on_delete_all}>{ ui.history_confirm_delete_all.clone() }</button>
                            <button ref={cancel_button} type="button" class="button" onclick={on_cancel}>{ ui.history_cancel.clone() }</button>
                        </div>
                    </div>
                } else {
                    <button ref={delete_all_button} type="button" class="button" onclick={on_ask_delete_all}>{ ui.history_delete_all.clone() }</button>
                }
            }
            { props.children.clone() }
        </section>
    }
}

/// How long ago the newest result was completed, in calendar days of the
/// visitor's zone ("3 months ago"); its date where the browser cannot say
/// that; `None` without results.
fn last_assessment(attempts: &[Attempt], locale: &str) -> Option<String> {
    let newest = attempts
        .iter()
        .map(|a| a.completed_at)
        .filter(|ms| ms.is_finite())
        .reduce(f64::max)?;
    let then = local_day(newest, dates::offset_minutes_at(newest));
    let ago = then
        .zip(platform::now().local_day())
        .map(|(then, today)| calendar::ago(then, today));
    ago.and_then(|ago| dates::ago(ago, locale))
        .or_else(|| dates::instant(newest, locale))
}
