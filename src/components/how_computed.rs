use std::rc::Rc;

use quiz_core::text::fill;
use quiz_core::Report;
use yew::prelude::*;

use crate::components::result_report::capped_text;
use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct HowComputedProps {
    pub quiz: QuizRef,
    pub report: Rc<Report>,
}

/// Every number on the results page, worked out in the open.
#[function_component]
pub fn HowComputed(props: &HowComputedProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let report = &props.report;
    let assessed: Vec<u8> = report.dimensions.iter().filter_map(|d| d.score).collect();
    html! {
        <details class="how-computed" data-testid="how-computed">
            <summary>{ ui.how_computed_heading.clone() }</summary>
            <p>{ ui.how_computed_intro.clone() }</p>
            <ul>
                { for report.dimensions.iter().map(|result| {
                    let name = quiz.dimensions.get(result.dimension).map(|d| d.name.clone()).unwrap_or_default();
                    let left_out = result.not_sure + result.unanswered;
                    let working = match result.score {
                        Some(score) => fill(&ui.how_computed_dimension, &[
                            ("scores", &join(&result.points)),
                            ("count", &result.points.len().to_string()),
                            ("result", &score.to_string()),
                        ]),
                        None => ui.not_assessed.clone(),
                    };
                    html! {
                        <li>
                            <strong>{ name }{ ": " }</strong>{ working }
                            if left_out > 0 {
                                { " · " }{ fill(&ui.how_computed_excluded, &[("count", &left_out.to_string())]) }
                            }
                        </li>
                    }
                }) }
            </ul>
            if let Some(overall) = report.overall {
                <p>{ fill(&ui.how_computed_overall, &[
                    ("scores", &join(&assessed)),
                    ("count", &assessed.len().to_string()),
                    ("result", &overall.to_string()),
                ]) }</p>
            }
            if let Some(text) = capped_text(quiz, report) {
                <p>{ text }</p>
            }
            <ul class="rules">
                { for ui.how_computed_rules.iter().map(|rule| html! { <li>{ rule.clone() }</li> }) }
            </ul>
            <p>{ ui.how_computed_levels.clone() }</p>
            <ul>
                { for quiz.levels.iter().enumerate().map(|(index, level)| {
                    let upper = quiz.levels.get(index + 1).map_or(100, |next| next.min_score.saturating_sub(1));
                    html! { <li>{ format!("{}–{}: {}", level.min_score, upper, level.name) }</li> }
                }) }
            </ul>
        </details>
    }
}

fn join(values: &[u8]) -> String {
    values
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}
