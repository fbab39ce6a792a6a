use std::rc::Rc;

use quiz_core::Report;
use yew::prelude::*;

use crate::content::QuizRef;

/// How a second result is drawn next to the first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SecondAs {
    /// No second result.
    #[default]
    Nothing,
    /// An earlier result of the same visitor: a marker on each bar.
    Marker,
    /// Another partner's result: a bar of its own under each bar.
    Bar,
}

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub quiz: QuizRef,
    pub report: Rc<Report>,
    #[prop_or_default]
    pub second: Option<Rc<Report>>,
    #[prop_or_default]
    pub second_as: SecondAs,
    /// Legend texts for the first and the second result, when there is a second.
    #[prop_or_default]
    pub first_label: AttrValue,
    #[prop_or_default]
    pub second_label: AttrValue,
    /// Distinguishes two charts on one page (ids and test ids).
    #[prop_or(AttrValue::Static("score-chart"))]
    pub id: AttrValue,
}

// Drawn in a 320-unit-wide box, so on a phone one unit is about one pixel and
// the labels stay readable; wider screens cap the chart's width in CSS.
const WIDTH: u32 = 320;
const LABEL_BASELINE: u32 = 16;
const BAR_TOP: u32 = 22;
const BAR_HEIGHT: u32 = 14;
const BAR_GAP: u32 = 3;
const ROW_GAP: u32 = 10;
const BAR_MAX: u32 = 280;

/// Horizontal bars, one row per dimension, with the level thresholds as
/// guides; a second result as markers or as bars of its own.
#[function_component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let second = props
        .second
        .as_ref()
        .filter(|_| props.second_as != SecondAs::Nothing);
    let bars = if second.is_some() && props.second_as == SecondAs::Bar {
        2
    } else {
        1
    };
    let row_height = BAR_TOP + bars * BAR_HEIGHT + (bars - 1) * BAR_GAP + ROW_GAP;
    let rows = u32::try_from(props.report.dimensions.len()).unwrap_or(0);
    let height = rows * row_height;
    let x_for = |score: u8| u32::from(score) * BAR_MAX / 100;
    let bar = |score: Option<u8>, y: u32, class: &'static str| -> Html {
        let value_y = (y + BAR_HEIGHT - 2).to_string();
        match score {
            Some(score) => html! {
                <>
                    <rect class="chart-track" x="0" y={y.to_string()} width={BAR_MAX.to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                    <rect class={class} x="0" y={y.to_string()} width={x_for(score).max(2).to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                    <text class="chart-value" x={(BAR_MAX + 6).to_string()} y={value_y}>{ score.to_string() }</text>
                </>
            },
            None => html! {
                <>
                    <rect class="chart-track chart-track-empty" x="0" y={y.to_string()} width={BAR_MAX.to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                    <text class="chart-value-empty" x="6" y={value_y}>{ ui.not_assessed.clone() }</text>
                </>
            },
        }
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <>
        <svg
            class="score-chart"
            viewBox={format!("0 0 {WIDTH} {height}")}
            role="img"
            aria-labelledby={title_id.clone()}
            data-testid={props.id.clone()}
        >
            <title id={title_id}>{ ui.chart_title.clone() }</title>
            { for quiz.levels.iter().skip(1).map(|level| {
                let x = x_for(level.min_score).to_string();
                html! { <line class="chart-guide" x1={x.clone()} x2={x} y1="0" y2={height.to_string()} /> }
            }) }
            { for props.report.dimensions.iter().zip(0u32..).map(|(result, row)| {
                let top = row * row_height;
                let name = quiz.dimensions.get(result.dimension).map(|d| d.name.clone()).unwrap_or_default();
                let other = second.and_then(|s| s.dimensions.get(result.dimension)).and_then(|d| d.score);
                let second_bar = (bars == 2).then(|| bar(other, top + BAR_TOP + BAR_HEIGHT + BAR_GAP, "chart-bar-second"));
                let marker = match (props.second_as, other) {
                    (SecondAs::Marker, Some(score)) => {
                        let x = x_for(score).to_string();
                        let y = top + BAR_TOP - 3;
                        html! { <line class="chart-earlier" x1={x.clone()} x2={x} y1={y.to_string()} y2={(y + BAR_HEIGHT + 6).to_string()} /> }
                    }
                    _ => Html::default(),
                };
                html! {
                    <g class={classes!("chart-row", result.level.filter(|_| bars == 1).map(|l| format!("level-{l}")))}>
                        <text class="chart-label" x="0" y={(top + LABEL_BASELINE).to_string()}>{ name }</text>
                        { bar(result.score, top + BAR_TOP, "chart-bar") }
                        { for second_bar }
                        { marker }
                    </g>
                }
            }) }
        </svg>
        if second.is_some() {
            <p class="chart-legend" aria-hidden="true">
                <span class="legend-now"></span><bdi>{ props.first_label.clone() }</bdi>
                <span class={if bars == 2 { "legend-second" } else { "legend-earlier" }}></span><bdi>{ props.second_label.clone() }</bdi>
            </p>
        }
        </>
    }
}
