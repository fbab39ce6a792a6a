use std::rc::Rc;

use quiz_core::gap::gaps;
use quiz_core::route::Route;
use quiz_core::score;
use quiz_core::session::CopyOutcome;
use quiz_core::share::decode;
use yew::prelude::*;

use crate::components::print_button::print_link;
use crate::components::{LinkProblem, PrintButton, ScoreChart, SecondAs};
use crate::content::QuizRef;
use crate::hooks::use_focus_on;

/// Gaps from here on are worth a conversation.
const LARGE_GAP: u8 = 25;

#[derive(Properties, PartialEq, Clone)]
pub struct PartnerCompareProps {
    pub quiz: QuizRef,
    pub first: AttrValue,
    pub second: AttrValue,
    /// The link to this comparison.
    pub link: AttrValue,
    /// What happened at the last copy of the link.
    pub copy_status: Option<CopyOutcome>,
    /// Copies the link.
    pub on_copy: Callback<()>,
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
    let (a, b) = (
        Rc::new(score(quiz, &first.answers)),
        Rc::new(score(quiz, &second.answers)),
    );
    let name = |label: &Option<String>, fallback: &str| {
        label.clone().unwrap_or_else(|| fallback.to_string())
    };
    let (first_name, second_name) = (
        name(&first.label, &ui.compare_first),
        name(&second.label, &ui.compare_second),
    );
    let all_gaps = gaps(&a, &b);
    let dimension_name = |d: usize| {
        quiz.dimensions
            .get(d)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let names_where = |keep: &dyn Fn(Option<u8>) -> bool| -> Vec<String> {
        all_gaps
            .iter()
            .filter(|g| keep(g.gap))
            .map(|g| dimension_name(g.dimension))
            .collect()
    };
    let similar = names_where(&|gap| gap.is_some_and(|g| g < LARGE_GAP));
    let not_comparable = names_where(&|gap| gap.is_none());

    let copy_status = match props.copy_status {
        Some(CopyOutcome::Copied) => ui.share_copied.clone(),
        Some(CopyOutcome::CopyFailed | CopyOutcome::ShareFailed) => ui.share_copy_failed.clone(),
        None => String::new(),
    };
    html! {
        <section class="page partner-compare" data-testid="partner-compare">
            <h1 ref={heading} tabindex="-1">{ ui.compare_title.clone() }</h1>
            <p>{ ui.compare_intro.clone() }</p>
            if first.label_dropped || second.label_dropped {
                <p class="field-hint" data-testid="label-dropped">{ ui.link_label_dropped.clone() }</p>
            }
            <ScoreChart quiz={quiz.clone()} report={a.clone()} second={Some(b.clone())} second_as={SecondAs::Bar}
                first_label={first_name.clone()} second_label={second_name.clone()} id="gap-chart" />

            <h2 id="gaps-heading">{ ui.compare_gaps_heading.clone() }</h2>
            <table class="score-table" data-testid="gap-table" aria-labelledby="gaps-heading">
                <thead>
                    <tr>
                        <th scope="col">{ ui.table_dimension.clone() }</th>
                        // A cell is its own paragraph; `dir=auto` sets it by the name.
                        <th scope="col" dir="auto">{ first_name.clone() }</th>
                        <th scope="col" dir="auto">{ second_name.clone() }</th>
                        <th scope="col">{ ui.compare_gap.clone() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for all_gaps.iter().map(|gap| {
                        let show = |s: Option<u8>| s.map_or_else(|| ui.not_assessed.clone(), |s| s.to_string());
                        html! {
                            <tr>
                                <th scope="row">{ dimension_name(gap.dimension) }</th>
                                <td data-label={quiz_core::text::isolated(&first_name)}>{ show(gap.first) }</td>
                                <td data-label={quiz_core::text::isolated(&second_name)}>{ show(gap.second) }</td>
                                <td data-testid="gap" data-label={ui.compare_gap.clone()}>{ gap.gap.map_or_else(|| "–".to_string(), |g| g.to_string()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="gap-advice" data-testid="gap-advice">
                <ul>
                    { for all_gaps.iter().filter(|g| g.gap.is_some_and(|g| g >= LARGE_GAP)).map(|gap| html! {
                        <li>
                            <strong>{ dimension_name(gap.dimension) }{ ": " }</strong>
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

            { print_link(&ui.compare_link_label, &props.link) }
            <section class="share" aria-labelledby="compare-share-heading">
                <h2 id="compare-share-heading">{ ui.compare_share.clone() }</h2>
                <label for="compare-link">{ ui.compare_link_label.clone() }</label>
                <div class="field-row">
                    <input id="compare-link" type="text" readonly=true value={props.link.clone()} data-testid="compare-link" />
                    <button type="button" class="button button-primary" onclick={props.on_copy.reform(|_: MouseEvent| ())}>{ ui.share_copy.clone() }</button>
                </div>
                <p class="field-status" role="status" data-testid="compare-status">{ copy_status }</p>
            </section>
            <div class="button-row">
                <a href={Route::Landing.to_hash()} class="button button-primary">{ ui.shared_take_quiz.clone() }</a>
                <PrintButton quiz={quiz.clone()} />
            </div>
        </section>
    }
}
