use std::rc::Rc;

use quiz_core::scoring::recommend;
use quiz_core::text::fill;
use quiz_core::{Quiz, Report};
use yew::prelude::*;

use crate::components::{HowComputed, ScoreChart, ScoreTable, SecondAs, TrainingOffers};
use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct ResultReportProps {
    pub quiz: QuizRef,
    /// Must have an overall score (the caller shows "nothing answered" otherwise).
    pub report: Rc<Report>,
    /// An earlier result to show changes against.
    #[prop_or_default]
    pub compare: Option<Rc<Report>>,
    /// "Change since 3 Mar 2026", shown with the overall change.
    #[prop_or_default]
    pub compare_heading: Option<AttrValue>,
}

/// The signed difference, as the results show it: "+8", "−4", "±0".
pub fn change_text(now: Option<u8>, before: Option<u8>) -> String {
    match (now, before) {
        (Some(now), Some(before)) => match i16::from(now) - i16::from(before) {
            0 => "±0".to_string(),
            c if c > 0 => format!("+{c}"),
            c => format!("−{}", c.unsigned_abs()),
        },
        _ => "–".to_string(),
    }
}

/// Overall score and level, the chart and table, strengths, priorities with
/// advice, "not sure" findings, training and the worked scoring.
#[function_component]
pub fn ResultReport(props: &ResultReportProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let report = &props.report;
    let (Some(overall), Some(level)) = (
        report.overall,
        report.level.and_then(|l| quiz.levels.get(l)),
    ) else {
        return html! { <p data-testid="nothing-answered">{ ui.nothing_answered.clone() }</p> };
    };
    html! {
        <>
            <div class="overall" data-testid="overall">
                <p class="overall-label">{ ui.overall_label.clone() }</p>
                <p class="overall-score"><span data-testid="overall-score">{ overall.to_string() }</span><span class="overall-max">{ " / 100" }</span></p>
                if let (Some(before), Some(heading)) = (&props.compare, &props.compare_heading) {
                    <p class="overall-change" data-testid="overall-change">
                        { heading.to_string() }{ ": " }<strong>{ change_text(report.overall, before.overall) }</strong>
                    </p>
                }
                <p class="overall-level">{ ui.level_label.clone() }{ ": " }<strong data-testid="overall-level">{ level.name.clone() }</strong></p>
                <p>{ level.summary.clone() }</p>
            </div>

            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ ui.chart_title.clone() }</h2>
                <ScoreChart quiz={quiz.clone()} report={report.clone()} second={props.compare.clone()} second_as={SecondAs::Marker}
                    first_label={ui.chart_this_result.clone()} second_label={ui.chart_earlier.clone()} />
                <ScoreTable quiz={quiz.clone()} report={report.clone()} compare={props.compare.clone()} />
            </section>

            if !report.strengths.is_empty() {
                <section aria-labelledby="strengths-heading" data-testid="strengths">
                    <h2 id="strengths-heading">{ ui.strengths_heading.clone() }</h2>
                    <ul class="strengths">
                        { for report.strengths.iter().map(|d| html! {
                            <li><strong>{ quiz.dimensions[*d].name.clone() }</strong>{ " · " }{ score_text(report, *d) }</li>
                        }) }
                    </ul>
                </section>
            }

            <section aria-labelledby="priorities-heading" data-testid="priorities">
                <h2 id="priorities-heading">{ ui.priorities_heading.clone() }</h2>
                <p>{ ui.priorities_intro.clone() }</p>
                <ol class="priorities">
                    { for report.priorities.iter().map(|d| render_priority(quiz, report, *d)) }
                </ol>
            </section>

            { render_not_sure(quiz, report) }

            <TrainingOffers quiz={quiz.clone()} recommendations={recommend(quiz, report)} />
            <HowComputed quiz={quiz.clone()} report={report.clone()} />
        </>
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
