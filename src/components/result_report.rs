use std::rc::Rc;

use quiz_core::scoring::{recommend, Priority};
use quiz_core::text::fill;
use quiz_core::wording::{self, Reader, ReportWords};
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
    /// "Change since 3 March 2026", shown with the overall change.
    #[prop_or_default]
    pub compare_heading: Option<AttrValue>,
    /// The reader's own result, or one shared with them: the core picks the words.
    #[prop_or_default]
    pub reader: Reader,
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
/// their first steps, "not sure" findings, training and the worked scoring.
#[function_component]
pub fn ResultReport(props: &ResultReportProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let report = &props.report;
    let recommendations = recommend(quiz, report);
    let words = wording::report_words(ui, props.reader, report, recommendations.len());
    let (Some(overall), Some(level)) = (
        report.overall,
        report.level.and_then(|l| quiz.levels.get(l)),
    ) else {
        return html! { <p data-testid="nothing-answered">{ words.nothing_scored.to_string() }</p> };
    };
    html! {
        <>
            if let Some(note) = &words.earlier_version_note {
                <p class="earlier-version" data-testid="earlier-version">{ note.clone() }</p>
            }
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
                if let Some(text) = capped_text(quiz, report) {
                    <p class="level-cap" data-testid="level-cap">{ text }</p>
                }
            </div>

            <section aria-labelledby="chart-heading">
                <h2 id="chart-heading">{ ui.chart_title.clone() }</h2>
                <ScoreChart quiz={quiz.clone()} report={report.clone()} second={props.compare.clone()} second_as={SecondAs::Marker}
                    first_label={ui.chart_this_result.clone()} second_label={ui.chart_earlier.clone()} />
                <ScoreTable quiz={quiz.clone()} report={report.clone()} compare={props.compare.clone()} />
            </section>

            if !report.strengths.is_empty() {
                <section aria-labelledby="strengths-heading" data-testid="strengths">
                    <h2 id="strengths-heading">{ words.strengths_heading.to_string() }</h2>
                    <p>{ words.strengths_intro.to_string() }</p>
                    <ul class="strengths">
                        { for report.strengths.iter().map(|d| html! {
                            <li><strong>{ dimension_name(quiz, *d) }</strong>{ " · " }{ score_text(report, *d) }</li>
                        }) }
                    </ul>
                </section>
            }

            if report.priorities.is_empty() {
                { render_keep_level(quiz, report, &words) }
            } else {
                <section aria-labelledby="priorities-heading" data-testid="priorities">
                    <h2 id="priorities-heading">{ words.priorities_heading.to_string() }</h2>
                    <p>{ words.priorities_intro.to_string() }</p>
                    <ol class="priorities">
                        { for report.priorities.iter().map(|p| render_priority(quiz, report, *p, &words)) }
                    </ol>
                </section>
            }

            { render_not_sure(quiz, report, &words) }

            <TrainingOffers quiz={quiz.clone()} intro={AttrValue::from(words.training_intro.to_string())} {recommendations} />
            <HowComputed quiz={quiz.clone()} report={report.clone()} />
        </>
    }
}

fn dimension_name(quiz: &Quiz, dimension: usize) -> String {
    quiz.dimensions
        .get(dimension)
        .map(|d| d.name.clone())
        .unwrap_or_default()
}

fn score_text(report: &Report, dimension: usize) -> String {
    report
        .dimensions
        .get(dimension)
        .and_then(|d| d.score)
        .map_or_else(String::new, |s| s.to_string())
}

fn level_name(quiz: &Quiz, level: Option<usize>) -> String {
    level
        .and_then(|l| quiz.levels.get(l))
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

/// The sentence that explains a capped overall level, when it is capped.
pub fn capped_text(quiz: &Quiz, report: &Report) -> Option<String> {
    let cap = report.cap?;
    let weakest = report.dimensions.get(cap.dimension)?;
    Some(fill(
        &quiz.ui.how_computed_capped,
        &[
            ("overall_level", &level_name(quiz, Some(cap.uncapped))),
            ("dimension", &dimension_name(quiz, cap.dimension)),
            ("dimension_level", &level_name(quiz, weakest.level)),
            ("level", &level_name(quiz, report.level)),
        ],
    ))
}

fn render_priority(quiz: &Quiz, report: &Report, priority: Priority, words: &ReportWords) -> Html {
    let d = priority.dimension();
    let (Some(dimension), Some(result)) = (quiz.dimensions.get(d), report.dimensions.get(d)) else {
        return Html::default();
    };
    let ui = &quiz.ui;
    match priority {
        Priority::FindOut(_) => html! {
            <li class="priority" data-testid="priority">
                <h3>{ dimension.name.clone() }{ " · " }{ ui.not_assessed.clone() }</h3>
                <p class="definition">{ dimension.definition.clone() }</p>
                <p class="advice-headline">{ words.find_out.to_string() }</p>
                <p class="first-step" data-testid="first-step">{ dimension.find_out.clone() }</p>
            </li>
        },
        Priority::Improve(_) => {
            let advice = result.level.and_then(|l| quiz.advice_for(d, l));
            // The next option up from the visitor's own weakest answer here.
            let step = result.weakest.and_then(|(question, rung)| {
                let options = &dimension.questions.get(question)?.options;
                let current = options.get(usize::from(rung))?;
                let next = options.get(usize::from(rung) + 1)?;
                Some(fill(
                    words.first_step,
                    &[("current", &current.text), ("next", &next.text)],
                ))
            });
            html! {
                <li class="priority" data-testid="priority">
                    <h3>
                        { dimension.name.clone() }{ " · " }{ score_text(report, d) }{ " · " }{ level_name(quiz, result.level) }
                        if result.provisional {
                            { " · " }<span class="provisional">{ ui.table_provisional.clone() }</span>
                        }
                    </h3>
                    <p class="definition">{ dimension.definition.clone() }</p>
                    if let Some(step) = step {
                        <p class="first-step" data-testid="first-step">{ step }</p>
                    }
                    if let Some(advice) = advice {
                        <p class="advice-headline">{ advice.headline.clone() }</p>
                        <ul class="actions">
                            { for advice.actions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                        </ul>
                    }
                </li>
            }
        }
    }
}

/// With every assessed dimension at the top level: what keeps it there, for
/// the dimensions the core chose (the two weakest).
fn render_keep_level(quiz: &Quiz, report: &Report, words: &ReportWords) -> Html {
    html! {
        <section aria-labelledby="keep-level-heading" data-testid="keep-level">
            <h2 id="keep-level-heading">{ words.keep_level_heading.to_string() }</h2>
            <p>{ words.keep_level_intro.to_string() }</p>
            <ul class="keep-level">
                { for report.keep.iter().filter_map(|d| {
                    let result = report.dimensions.get(*d)?;
                    let advice = quiz.advice_for(*d, result.level?)?;
                    Some(html! {
                        <li>
                            <strong>{ dimension_name(quiz, *d) }{ ": " }</strong>{ advice.headline.clone() }
                            <ul class="actions">
                                { for advice.actions.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                            </ul>
                        </li>
                    })
                }) }
            </ul>
        </section>
    }
}

fn render_not_sure(quiz: &Quiz, report: &Report, words: &ReportWords) -> Html {
    let findings: Vec<String> = report
        .dimensions
        .iter()
        .filter(|d| d.not_sure > 0)
        .map(|d| {
            wording::not_sure_finding(
                words,
                d.not_sure,
                d.questions,
                &dimension_name(quiz, d.dimension),
            )
        })
        .collect();
    if findings.is_empty() {
        return Html::default();
    }
    html! {
        <section aria-labelledby="not-sure-heading" data-testid="not-sure">
            <h2 id="not-sure-heading">{ words.not_sure_heading.to_string() }</h2>
            <p>{ words.not_sure_intro.to_string() }</p>
            <ul>{ for findings.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
        </section>
    }
}
