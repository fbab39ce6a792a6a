use std::rc::Rc;

use quiz_core::Report;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub quiz: QuizRef,
    pub report: Rc<Report>,
    /// An earlier result, drawn as a marker on each bar.
    #[prop_or_default]
    pub compare: Option<Rc<Report>>,
}

// Drawn in a 320-unit-wide box, so on a phone one unit is about one pixel and
// the labels stay readable; wider screens cap the chart's width in CSS.
const WIDTH: u32 = 320;
const ROW_HEIGHT: u32 = 46;
const LABEL_BASELINE: u32 = 16;
const BAR_TOP: u32 = 22;
const BAR_HEIGHT: u32 = 14;
const BAR_MAX: u32 = 280;

/// Horizontal bars, one per dimension, with the level thresholds as guides.
#[function_component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    let quiz = &props.quiz;
    let rows = u32::try_from(props.report.dimensions.len()).unwrap_or(0);
    let height = rows * ROW_HEIGHT;
    let x_for = |score: u8| u32::from(score) * BAR_MAX / 100;
    let earlier_marker = |row: u32, dimension: usize| -> Html {
        let earlier = props
            .compare
            .as_ref()
            .and_then(|c| c.dimensions.get(dimension))
            .and_then(|d| d.score);
        match earlier {
            Some(score) => {
                let x = x_for(score).to_string();
                let top = row * ROW_HEIGHT + BAR_TOP - 3;
                html! {
                    <line class="chart-earlier" x1={x.clone()} x2={x} y1={top.to_string()} y2={(top + BAR_HEIGHT + 6).to_string()} />
                }
            }
            None => Html::default(),
        }
    };
    html! {
        <>
        <svg
            class="score-chart"
            viewBox={format!("0 0 {WIDTH} {height}")}
            role="img"
            aria-labelledby="score-chart-title"
            data-testid="score-chart"
        >
            <title id="score-chart-title">{ quiz.ui.chart_title.clone() }</title>
            { for quiz.levels.iter().skip(1).map(|level| {
                let x = x_for(level.min_score);
                html! { <line class="chart-guide" x1={x.to_string()} x2={x.to_string()} y1="0" y2={height.to_string()} /> }
            }) }
            { for props.report.dimensions.iter().zip(0u32..).map(|(result, row)| {
                let top = row * ROW_HEIGHT;
                let name = quiz.dimensions[result.dimension].name.clone();
                let bar_y = (top + BAR_TOP).to_string();
                let label_y = (top + LABEL_BASELINE).to_string();
                let value_y = (top + BAR_TOP + BAR_HEIGHT - 2).to_string();
                match result.score {
                    Some(score) => {
                        let width = x_for(score).max(2);
                        html! {
                            <g class={classes!("chart-row", result.level.map(|l| format!("level-{l}")))}>
                                <text class="chart-label" x="0" y={label_y}>{ name }</text>
                                <rect class="chart-track" x="0" y={bar_y.clone()} width={BAR_MAX.to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                                <rect class="chart-bar" x="0" y={bar_y} width={width.to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                                <text class="chart-value" x={(BAR_MAX + 6).to_string()} y={value_y}>{ score.to_string() }</text>
                                { earlier_marker(row, result.dimension) }
                            </g>
                        }
                    }
                    None => html! {
                        <g class="chart-row not-assessed">
                            <text class="chart-label" x="0" y={label_y}>{ name }</text>
                            <rect class="chart-track chart-track-empty" x="0" y={bar_y} width={BAR_MAX.to_string()} height={BAR_HEIGHT.to_string()} rx="3" />
                            <text class="chart-value-empty" x="6" y={value_y}>{ quiz.ui.not_assessed.clone() }</text>
                            { earlier_marker(row, result.dimension) }
                        </g>
                    },
                }
            }) }
        </svg>
        if props.compare.is_some() {
            <p class="chart-legend" aria-hidden="true">
                <span class="legend-now"></span>{ quiz.ui.chart_this_result.clone() }
                <span class="legend-earlier"></span>{ quiz.ui.chart_earlier.clone() }
            </p>
        }
        </>
    }
}
