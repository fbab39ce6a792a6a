use std::rc::Rc;

use quiz_core::Report;
use yew::prelude::*;

use crate::components::result_report::change_text;
use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct ScoreTableProps {
    pub quiz: QuizRef,
    pub report: Rc<Report>,
    /// An earlier result: adds a column with the change per dimension.
    #[prop_or_default]
    pub compare: Option<Rc<Report>>,
}

/// The chart's numbers as a table, for screen readers and for reading exactly.
/// Each cell carries its column's name (`data-label`): on a narrow screen the
/// rows are stacked and the names written before the values (styles/app.css).
#[function_component]
pub fn ScoreTable(props: &ScoreTableProps) -> Html {
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    html! {
        <table class="score-table" data-testid="score-table">
            <caption>{ ui.table_caption.clone() }</caption>
            <thead>
                <tr>
                    <th scope="col">{ ui.table_dimension.clone() }</th>
                    <th scope="col">{ ui.table_score.clone() }</th>
                    <th scope="col">{ ui.table_level.clone() }</th>
                    <th scope="col">{ ui.table_not_sure.clone() }</th>
                    if props.compare.is_some() {
                        <th scope="col">{ ui.table_change.clone() }</th>
                    }
                </tr>
            </thead>
            <tbody>
                { for props.report.dimensions.iter().map(|result| {
                    let Some(dimension) = quiz.dimensions.get(result.dimension) else {
                        return Html::default();
                    };
                    let score = result.score.map_or_else(|| ui.not_assessed.clone(), |s| s.to_string());
                    let level = result.level.and_then(|l| quiz.levels.get(l)).map_or("–".to_string(), |l| l.name.clone());
                    html! {
                        <tr data-dimension={dimension.id.clone()}>
                            <th scope="row">{ dimension.name.clone() }</th>
                            <td data-testid="dimension-score" data-label={ui.table_score.clone()}>
                                { score }
                                if result.provisional {
                                    <span class="provisional">{ " (" }{ ui.table_provisional.clone() }{ ")" }</span>
                                }
                            </td>
                            <td data-label={ui.table_level.clone()}>{ level }</td>
                            <td data-label={ui.table_not_sure.clone()}>{ format!("{} / {}", result.not_sure, result.questions) }</td>
                            if let Some(compare) = &props.compare {
                                <td data-testid="dimension-change" data-label={ui.table_change.clone()}>
                                    { change_text(result.score, compare.dimensions.get(result.dimension).and_then(|d| d.score)) }
                                </td>
                            }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
