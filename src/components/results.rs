use std::rc::Rc;

use quiz_core::scoring::recommend;
use quiz_core::text::fill;
use quiz_core::{score, AnswerSheet, Quiz};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{HowComputed, ScoreChart, ScoreTable, TrainingOffers};
use crate::hooks::use_focus_on;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub quiz: Rc<Quiz>,
    pub answers: AnswerSheet,
    pub on_restart: Callback<()>,
}

#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), ());
    let navigator = use_navigator();
    let report = use_memo(
        (props.quiz.clone(), props.answers.clone()),
        |(quiz, answers)| score(quiz, answers),
    );
    let quiz = &props.quiz;
    let ui = &quiz.ui;

    let on_start_again = {
        let on_restart = props.on_restart.clone();
        Callback::from(move |_: MouseEvent| {
            on_restart.emit(());
            if let Some(navigator) = &navigator {
                navigator.push(&Route::Landing);
            }
        })
    };

    let (Some(overall), Some(level)) = (
        report.overall,
        report.level.and_then(|l| quiz.levels.get(l)),
    ) else {
        return html! {
            <section class="page results">
                <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
                <p data-testid="nothing-answered">{ ui.nothing_answered.clone() }</p>
                <Link<Route> to={Route::Question { number: 1 }} classes="button button-primary">{ ui.start.clone() }</Link<Route>>
            </section>
        };
    };

    let name_of = |d: usize| quiz.dimensions[d].name.clone();
    let score_of = |d: usize| {
        report.dimensions[d]
            .score
            .map_or_else(String::new, |s| s.to_string())
    };
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

    html! {
        <section class="page results">
            <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
            <div class="overall" data-testid="overall">
                <p class="overall-label">{ ui.overall_label.clone() }</p>
                <p class="overall-score"><span data-testid="overall-score">{ overall.to_string() }</span><span class="overall-max">{ " / 100" }</span></p>
                <p class="overall-level">{ ui.level_label.clone() }{ ": " }<strong data-testid="overall-level">{ level.name.clone() }</strong></p>
                <p>{ level.summary.clone() }</p>
            </div>

            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ ui.chart_title.clone() }</h2>
                <ScoreChart quiz={quiz.clone()} report={report.clone()} />
                <ScoreTable quiz={quiz.clone()} report={report.clone()} />
            </section>

            if !report.strengths.is_empty() {
                <section aria-labelledby="strengths-heading" data-testid="strengths">
                    <h2 id="strengths-heading">{ ui.strengths_heading.clone() }</h2>
                    <ul class="strengths">
                        { for report.strengths.iter().map(|d| html! {
                            <li><strong>{ name_of(*d) }</strong>{ " · " }{ score_of(*d) }</li>
                        }) }
                    </ul>
                </section>
            }

            <section aria-labelledby="priorities-heading" data-testid="priorities">
                <h2 id="priorities-heading">{ ui.priorities_heading.clone() }</h2>
                <p>{ ui.priorities_intro.clone() }</p>
                <ol class="priorities">
                    { for report.priorities.iter().map(|d| {
                        let dimension = &quiz.dimensions[*d];
                        let result = &report.dimensions[*d];
                        let advice = result.level.and_then(|l| quiz.advice_for(*d, l));
                        let level_name = result.level.and_then(|l| quiz.levels.get(l)).map(|l| l.name.clone()).unwrap_or_default();
                        html! {
                            <li class="priority">
                                <h3>{ dimension.name.clone() }{ " · " }{ score_of(*d) }{ " · " }{ level_name }</h3>
                                <p class="definition">{ dimension.definition.clone() }</p>
                                if let Some(advice) = advice {
                                    <p class="advice-headline">{ advice.headline.clone() }</p>
                                    <ul class="actions">
                                        { for advice.actions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                                    </ul>
                                }
                            </li>
                        }
                    }) }
                </ol>
            </section>

            if !findings.is_empty() {
                <section aria-labelledby="not-sure-heading" data-testid="not-sure">
                    <h2 id="not-sure-heading">{ ui.not_sure_heading.clone() }</h2>
                    <p>{ ui.not_sure_intro.clone() }</p>
                    <ul>{ for findings.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
                </section>
            }

            <TrainingOffers quiz={quiz.clone()} recommendations={recommend(quiz, &report)} />
            <HowComputed quiz={quiz.clone()} report={report.clone()} />

            <div class="question-nav">
                <button type="button" class="button" onclick={on_start_again}>{ ui.start_again.clone() }</button>
            </div>
        </section>
    }
}
