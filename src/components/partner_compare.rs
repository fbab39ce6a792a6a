use quiz_core::gap::gaps;
use quiz_core::score;
use quiz_core::share::decode;
use yew::prelude::*;

use crate::components::LinkProblem;
use crate::content::QuizRef;
use crate::hooks::use_focus_on;
use crate::route::Route;
use crate::share_link;

/// Gaps from here on are worth a conversation.
const LARGE_GAP: u8 = 25;
const WIDTH: u32 = 320;
const ROW_HEIGHT: u32 = 54;
const BAR_HEIGHT: u32 = 11;
const BAR_MAX: u32 = 280;

#[derive(Properties, PartialEq)]
pub struct PartnerCompareProps {
    pub quiz: QuizRef,
    pub first: AttrValue,
    pub second: AttrValue,
    /// Where links point when embedded with `data-share-base`; this page otherwise.
    #[prop_or_default]
    pub share_base: Option<AttrValue>,
}

/// Two partners' results on one chart, with the largest differences first.
#[function_component]
pub fn PartnerCompare(props: &PartnerCompareProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), (props.first.clone(), props.second.clone()));
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let (first, second) = match (
        decode(&props.first, &quiz.releases),
        decode(&props.second, &quiz.releases),
    ) {
        (Ok(first), Ok(second)) => (first, second),
        (Err(error), _) | (_, Err(error)) => {
            return html! { <LinkProblem quiz={quiz.clone()} {error} /> }
        }
    };
    let (a, b) = (score(quiz, &first.answers), score(quiz, &second.answers));
    let name = |label: &Option<String>, fallback: &str| {
        label.clone().unwrap_or_else(|| fallback.to_string())
    };
    let (first_name, second_name) = (
        name(&first.label, &ui.compare_first),
        name(&second.label, &ui.compare_second),
    );
    let rows = u32::try_from(quiz.dimensions.len()).unwrap_or(0);
    let x_for = |score: u8| u32::from(score) * BAR_MAX / 100;
    let bar = |score: Option<u8>, y: u32, class: &'static str| -> Html {
        match score {
            Some(s) => html! {
                <>
                    <rect class={class} x="0" y={y.to_string()} width={x_for(s).max(2).to_string()} height={BAR_HEIGHT.to_string()} rx="2" />
                    <text class="chart-value" x={(BAR_MAX + 6).to_string()} y={(y + BAR_HEIGHT - 1).to_string()}>{ s.to_string() }</text>
                </>
            },
            None => html! {
                <text class="chart-value-empty" x="4" y={(y + BAR_HEIGHT - 1).to_string()}>{ ui.not_assessed.clone() }</text>
            },
        }
    };
    let all_gaps = gaps(&a, &b);
    let names_where = |keep: &dyn Fn(Option<u8>) -> bool| -> Vec<String> {
        all_gaps
            .iter()
            .filter(|g| keep(g.gap))
            .map(|g| quiz.dimensions[g.dimension].name.clone())
            .collect()
    };
    let similar = names_where(&|gap| gap.is_some_and(|g| g < LARGE_GAP));
    let not_comparable = names_where(&|gap| gap.is_none());
    let link = share_link::compare_link(props.share_base.as_deref(), &props.first, &props.second);

    html! {
        <section class="page partner-compare" data-testid="partner-compare">
            <h1 ref={heading} tabindex="-1">{ ui.compare_title.clone() }</h1>
            <p>{ ui.compare_intro.clone() }</p>
            <p class="chart-legend">
                <span class="legend-now"></span>{ first_name.clone() }
                <span class="legend-second"></span>{ second_name.clone() }
            </p>
            <svg class="score-chart" viewBox={format!("0 0 {WIDTH} {}", rows * ROW_HEIGHT)} role="img" aria-labelledby="gap-chart-title" data-testid="gap-chart">
                <title id="gap-chart-title">{ ui.chart_title.clone() }</title>
                { for quiz.dimensions.iter().zip(0u32..).map(|(dimension, row)| {
                    let top = row * ROW_HEIGHT;
                    let index = usize::try_from(row).unwrap_or(usize::MAX);
                    let score_of = |report: &quiz_core::Report| report.dimensions.get(index).and_then(|d| d.score);
                    html! {
                        <g class="chart-row">
                            <text class="chart-label" x="0" y={(top + 14).to_string()}>{ dimension.name.clone() }</text>
                            { bar(score_of(&a), top + 20, "chart-bar") }
                            { bar(score_of(&b), top + 20 + BAR_HEIGHT + 3, "chart-bar-second") }
                        </g>
                    }
                }) }
            </svg>

            <h2>{ ui.compare_gaps_heading.clone() }</h2>
            <table class="score-table" data-testid="gap-table">
                <caption class="visually-hidden">{ ui.compare_gaps_heading.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ ui.table_dimension.clone() }</th>
                        <th scope="col">{ first_name }</th>
                        <th scope="col">{ second_name }</th>
                        <th scope="col">{ ui.compare_gap.clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for all_gaps.iter().map(|gap| {
                        let show = |s: Option<u8>| s.map_or_else(|| ui.not_assessed.clone(), |s| s.to_string());
                        html! {
                            <tr>
                                <th scope="row">{ quiz.dimensions[gap.dimension].name.clone() }</th>
                                <td>{ show(gap.first) }</td>
                                <td>{ show(gap.second) }</td>
                                <td data-testid="gap">{ gap.gap.map_or_else(|| "–".to_string(), |g| g.to_string()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="gap-advice" data-testid="gap-advice">
                <ul>
                    { for all_gaps.iter().filter(|g| g.gap.is_some_and(|g| g >= LARGE_GAP)).map(|gap| html! {
                        <li>
                            <strong>{ quiz.dimensions[gap.dimension].name.clone() }{ ": " }</strong>
                            { ui.compare_discuss_large.clone() }
                        </li>
                    }) }
                </ul>
                if !similar.is_empty() {
                    <p><strong>{ similar.join(", ") }{ ": " }</strong>{ ui.compare_discuss_small.clone() }</p>
                }
                if !not_comparable.is_empty() {
                    <p><strong>{ not_comparable.join(", ") }{ ": " }</strong>{ ui.compare_not_comparable.clone() }</p>
                }
            </div>

            <section class="share" aria-labelledby="compare-share-heading">
                <h2 id="compare-share-heading">{ ui.compare_share.clone() }</h2>
                <label for="compare-link">{ ui.compare_link_label.clone() }</label>
                <input id="compare-link" type="text" readonly=true value={link} data-testid="compare-link" />
            </section>
            <a href={Route::Landing.to_hash()} class="button button-primary">{ ui.shared_take_quiz.clone() }</a>
        </section>
    }
}
