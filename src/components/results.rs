use std::rc::Rc;

use quiz_core::scoring::recommend;
use quiz_core::storage::{from_stored, Attempt};
use quiz_core::text::fill;
use quiz_core::{score, Quiz, Report};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{AttemptLabel, HowComputed, ScoreChart, ScoreTable, TrainingOffers};
use crate::format;
use crate::hooks::use_focus_on;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub quiz: Rc<Quiz>,
    /// `None` when nothing has been completed yet.
    pub attempt: Option<Attempt>,
    /// Every completed attempt, oldest first, for comparison.
    pub attempts: Vec<Attempt>,
    /// `(attempt id, label)`
    pub on_label: Callback<(String, String)>,
    pub on_restart: Callback<()>,
}

/// The signed difference, as the results show it: "+8", "−4", "±0".
pub fn change_text(now: Option<u8>, before: Option<u8>) -> String {
    match (now, before) {
        (Some(now), Some(before)) => {
            let change = i16::from(now) - i16::from(before);
            match change {
                0 => "±0".to_string(),
                c if c > 0 => format!("+{c}"),
                c => format!("−{}", c.unsigned_abs()),
            }
        }
        _ => "–".to_string(),
    }
}

#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(
        heading.clone(),
        props.attempt.as_ref().map(|a| a.id.clone()),
    );
    let navigator = use_navigator();
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
            .map(|a| score(quiz, &from_stored(quiz, &a.answers)))
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
            if let Some(navigator) = &navigator {
                navigator.push(&Route::Landing);
            }
        })
    };

    let nothing = html! {
        <section class="page results">
            <h1 ref={heading.clone()} tabindex="-1">{ ui.results_heading.clone() }</h1>
            <p data-testid="nothing-answered">{ ui.nothing_answered.clone() }</p>
            <Link<Route> to={Route::Question { number: 1 }} classes="button button-primary">{ ui.start.clone() }</Link<Route>>
        </section>
    };
    let (Some(attempt), Some(report)) = (&props.attempt, (*report).clone()) else {
        return nothing;
    };
    let report = Rc::new(report);
    let (Some(overall), Some(level)) = (
        report.overall,
        report.level.and_then(|l| quiz.levels.get(l)),
    ) else {
        return nothing;
    };

    let on_compare = {
        let compare_id = compare_id.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|select| select.value())
                .unwrap_or_default();
            compare_id.set((!value.is_empty()).then_some(value));
        })
    };
    let compare_report: Option<Rc<Report>> = (*compare_report).clone();
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
            <div class="overall" data-testid="overall">
                <p class="overall-label">{ ui.overall_label.clone() }</p>
                <p class="overall-score"><span data-testid="overall-score">{ overall.to_string() }</span><span class="overall-max">{ " / 100" }</span></p>
                if let (Some(earlier), Some(before)) = (&compared, &compare_report) {
                    <p class="overall-change" data-testid="overall-change">
                        { fill(&ui.compare_heading, &[("date", &format::date(earlier.completed_at, &quiz.language))]) }
                        { ": " }<strong>{ change_text(report.overall, before.overall) }</strong>
                    </p>
                }
                <p class="overall-level">{ ui.level_label.clone() }{ ": " }<strong data-testid="overall-level">{ level.name.clone() }</strong></p>
                <p>{ level.summary.clone() }</p>
            </div>

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

            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ ui.chart_title.clone() }</h2>
                <ScoreChart quiz={quiz.clone()} report={report.clone()} compare={compare_report.clone()} />
                <ScoreTable quiz={quiz.clone()} report={report.clone()} compare={compare_report.clone()} />
            </section>

            if !report.strengths.is_empty() {
                <section aria-labelledby="strengths-heading" data-testid="strengths">
                    <h2 id="strengths-heading">{ ui.strengths_heading.clone() }</h2>
                    <ul class="strengths">
                        { for report.strengths.iter().map(|d| html! {
                            <li><strong>{ quiz.dimensions[*d].name.clone() }</strong>{ " · " }{ score_text(&report, *d) }</li>
                        }) }
                    </ul>
                </section>
            }

            <section aria-labelledby="priorities-heading" data-testid="priorities">
                <h2 id="priorities-heading">{ ui.priorities_heading.clone() }</h2>
                <p>{ ui.priorities_intro.clone() }</p>
                <ol class="priorities">
                    { for report.priorities.iter().map(|d| render_priority(quiz, &report, *d)) }
                </ol>
            </section>

            { render_not_sure(quiz, &report) }

            <TrainingOffers quiz={quiz.clone()} recommendations={recommend(quiz, &report)} />
            <HowComputed quiz={quiz.clone()} report={report.clone()} />
            <AttemptLabel quiz={quiz.clone()} attempt_id={attempt.id.clone()} label={attempt.label.clone()} on_save={props.on_label.clone()} />

            <div class="question-nav">
                <button type="button" class="button" onclick={on_start_again}>{ ui.start_again.clone() }</button>
                <Link<Route> to={Route::History} classes="button">{ ui.nav_history.clone() }</Link<Route>>
            </div>
        </section>
    }
}

fn score_text(report: &Report, dimension: usize) -> String {
    report
        .dimensions
        .get(dimension)
        .and_then(|d| d.score)
        .map_or_else(String::new, |s| s.to_string())
}

fn render_priority(quiz: &Quiz, report: &Report, d: usize) -> Html {
    let dimension = &quiz.dimensions[d];
    let result = &report.dimensions[d];
    let advice = result.level.and_then(|l| quiz.advice_for(d, l));
    let level_name = result
        .level
        .and_then(|l| quiz.levels.get(l))
        .map(|l| l.name.clone())
        .unwrap_or_default();
    html! {
        <li class="priority">
            <h3>{ dimension.name.clone() }{ " · " }{ score_text(report, d) }{ " · " }{ level_name }</h3>
            <p class="definition">{ dimension.definition.clone() }</p>
            if let Some(advice) = advice {
                <p class="advice-headline">{ advice.headline.clone() }</p>
                <ul class="actions">
                    { for advice.actions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}

fn render_not_sure(quiz: &Quiz, report: &Report) -> Html {
    let ui = &quiz.ui;
    let findings: Vec<String> = report
        .dimensions
        .iter()
        .filter(|d| d.not_sure > 0)
        .map(|d| {
            fill(
                &ui.not_sure_finding,
                &[
                    ("count", &d.not_sure.to_string()),
                    ("total", &d.questions.to_string()),
                    ("dimension", &quiz.dimensions[d.dimension].name),
                ],
            )
        })
        .collect();
    if findings.is_empty() {
        return Html::default();
    }
    html! {
        <section aria-labelledby="not-sure-heading" data-testid="not-sure">
            <h2 id="not-sure-heading">{ ui.not_sure_heading.clone() }</h2>
            <p>{ ui.not_sure_intro.clone() }</p>
            <ul>{ for findings.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
        </section>
    }
}
