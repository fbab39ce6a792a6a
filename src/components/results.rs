use std::rc::Rc;

use quiz_core::storage::{from_stored, Attempt};
use quiz_core::text::fill;
use quiz_core::{score, Report};
use yew::prelude::*;

use crate::components::{AttemptLabel, ResultReport, SharePanel};
use crate::content::QuizRef;
use crate::format;
use crate::hooks::{push_route, use_focus_on};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub quiz: QuizRef,
    /// `None` when nothing has been completed yet.
    pub attempt: Option<Attempt>,
    /// Every completed attempt, oldest first, for comparison.
    pub attempts: Vec<Attempt>,
    /// `(attempt id, label)`
    pub on_label: Callback<(String, String)>,
    pub on_restart: Callback<()>,
    /// Where share links point when embedded with `data-share-base`.
    #[prop_or_default]
    pub share_base: Option<AttrValue>,
}

/// The visitor's own result: compared with an earlier one, named, shared.
#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(
        heading.clone(),
        props.attempt.as_ref().map(|a| a.id.clone()),
    );
    let quiz = &props.quiz;
    let ui = &quiz.ui;

    // Earlier attempts, newest first; the most recent one is compared by default.
    let earlier: Vec<Attempt> = match &props.attempt {
        Some(attempt) => props
            .attempts
            .iter()
            .rev()
            .filter(|a| a.completed_at < attempt.completed_at)
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let compare_id = use_state(|| earlier.first().map(|a| a.id.clone()));
    let report = use_memo((quiz.clone(), props.attempt.clone()), |(quiz, attempt)| {
        attempt
            .as_ref()
            .map(|a| Rc::new(score(quiz, &from_stored(quiz, &a.answers))))
    });
    let compared = earlier
        .iter()
        .find(|a| Some(&a.id) == compare_id.as_ref())
        .cloned();
    let compare_report = use_memo((quiz.clone(), compared.clone()), |(quiz, earlier)| {
        earlier
            .as_ref()
            .map(|a| Rc::new(score(quiz, &from_stored(quiz, &a.answers))))
    });

    let on_start_again = {
        let on_restart = props.on_restart.clone();
        Callback::from(move |_: MouseEvent| {
            on_restart.emit(());
            push_route(&Route::Landing);
        })
    };
    let on_compare = {
        let compare_id = compare_id.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            compare_id.set((!value.is_empty()).then_some(value));
        })
    };

    let (Some(attempt), Some(report)) = (&props.attempt, (*report).clone()) else {
        return html! {
            <section class="page results">
                <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
                <p data-testid="nothing-answered">{ ui.nothing_answered.clone() }</p>
                <a href={Route::Question { number: 1 }.to_hash()} class="button button-primary">{ ui.start.clone() }</a>
            </section>
        };
    };
    let compare_report: Option<Rc<Report>> = (*compare_report).clone();
    let compare_heading = compared.as_ref().map(|a| {
        AttrValue::from(fill(
            &ui.compare_heading,
            &[("date", &format::date(a.completed_at, &quiz.language))],
        ))
    });
    let completed = fill(
        &ui.results_completed_on,
        &[("date", &format::date(attempt.completed_at, &quiz.language))],
    );

    html! {
        <section class="page results">
            <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
            <p class="results-meta">
                if let Some(label) = &attempt.label {
                    <strong data-testid="result-label">{ label.clone() }</strong>{ " · " }
                }
                { completed }
            </p>
            if !earlier.is_empty() {
                <div class="compare-picker">
                    <label for="compare-with">{ ui.compare_field.clone() }</label>
                    <select id="compare-with" onchange={on_compare} data-testid="compare-with">
                        <option value="" selected={compare_id.is_none()}>{ ui.compare_none.clone() }</option>
                        { for earlier.iter().map(|a| {
                            let mut text = format::date(a.completed_at, &quiz.language);
                            if let Some(label) = &a.label {
                                text = format!("{text} · {label}");
                            }
                            if let Some(overall) = a.scores.overall {
                                text = format!("{text} · {overall}");
                            }
                            html! { <option value={a.id.clone()} selected={compare_id.as_ref() == Some(&a.id)}>{ text }</option> }
                        }) }
                    </select>
                </div>
            }
            <ResultReport quiz={quiz.clone()} report={report} compare={compare_report} {compare_heading} />
            <AttemptLabel key={attempt.id.clone()} quiz={quiz.clone()} attempt_id={attempt.id.clone()} label={attempt.label.clone()} on_save={props.on_label.clone()} />
            <SharePanel quiz={quiz.clone()} attempt={attempt.clone()} share_base={props.share_base.clone()} />
            <div class="question-nav">
                <button type="button" class="button" onclick={on_start_again}>{ ui.start_again.clone() }</button>
                <a href={Route::History.to_hash()} class="button">{ ui.nav_history.clone() }</a>
            </div>
        </section>
    }
}
