use std::rc::Rc;

use quiz_core::session::CopyOutcome;
use quiz_core::storage::{from_stored, Attempt};
use quiz_core::text::fill;
use quiz_core::{score, Report};
use yew::prelude::*;

use crate::components::print_button::print_link;
use crate::components::{AttemptLabel, PrintButton, Reminder, ResultReport, SharePanel};
use crate::content::QuizRef;
use crate::hooks::use_focus_on;
use crate::platform::{dates, files};
use quiz_core::route::Route;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    pub quiz: QuizRef,
    /// Every completed attempt, oldest first.
    pub attempts: Rc<Vec<Attempt>>,
    /// The attempt shown; `None` when nothing has been completed yet.
    pub id: Option<AttrValue>,
    /// `Intl` locale for dates (`en-GB`).
    pub locale: AttrValue,
    /// The shown attempt's share link.
    pub share_link: AttrValue,
    pub can_share: bool,
    pub share_status: Option<CopyOutcome>,
    pub on_copy: Callback<()>,
    pub on_share: Callback<()>,
    /// A new label for the shown attempt.
    pub on_label: Callback<String>,
    pub on_start_again: Callback<()>,
}

/// The visitor's own result: compared with an earlier one, named, shared.
#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), props.id.clone());
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let attempt = props
        .id
        .as_ref()
        .and_then(|id| props.attempts.iter().find(|a| a.id == id.as_str()));

    // Earlier attempts, newest first; the most recent one is compared by default.
    let earlier: Vec<&Attempt> = match attempt {
        Some(attempt) => props
            .attempts
            .iter()
            .rev()
            .filter(|a| a.completed_at < attempt.completed_at)
            .collect(),
        None => Vec::new(),
    };
    let compare_id = use_state(|| earlier.first().map(|a| a.id.clone()));
    let scored =
        |attempt: Option<&Attempt>| attempt.map(|a| Rc::new(score(quiz, &from_stored(&a.answers))));
    let report = use_memo((quiz.clone(), attempt.cloned()), |(_, a)| {
        scored(a.as_ref())
    });
    let compared = earlier
        .iter()
        .find(|a| Some(&a.id) == compare_id.as_ref())
        .copied();
    let compare_report = use_memo((quiz.clone(), compared.cloned()), |(_, a)| {
        scored(a.as_ref())
    });

    let on_start_again = props.on_start_again.reform(|_: MouseEvent| ());
    let on_compare = {
        let compare_id = compare_id.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            compare_id.set((!value.is_empty()).then_some(value));
        })
    };

    let (Some(attempt), Some(report)) = (attempt, (*report).clone()) else {
        return html! {
            <section class="page results">
                <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
                <p data-testid="nothing-answered">{ ui.nothing_answered.clone() }</p>
                <a href={Route::Question { number: 1 }.to_hash()} class="button button-primary">{ ui.start.clone() }</a>
            </section>
        };
    };
    let compare_report: Option<Rc<Report>> = (*compare_report).clone();
    let date = |a: &Attempt| dates::instant(a.completed_at, &props.locale);
    let compare_heading = compared
        .and_then(date)
        .map(|day| AttrValue::from(fill(&ui.compare_heading, &[("date", &day)])));
    let completed_day = date(attempt);
    let completed = completed_day
        .as_ref()
        .map(|day| fill(&ui.results_completed_on, &[("date", day)]));

    html! {
        <section class="page results">
            <h1 ref={heading} tabindex="-1">{ ui.results_heading.clone() }</h1>
            <p class="results-meta">
                if let Some(label) = &attempt.label {
                    <strong data-testid="result-label"><bdi>{ label.clone() }</bdi></strong>
                    if completed.is_some() { { " · " } }
                }
                { completed }
            </p>
            <PrintButton quiz={quiz.clone()} />
            if !earlier.is_empty() {
                <div class="compare-picker">
                    <label for="compare-with">{ ui.compare_field.clone() }</label>
                    <select id="compare-with" onchange={on_compare} data-testid="compare-with">
                        <option value="" selected={compare_id.is_none()}>{ ui.compare_none.clone() }</option>
                        { for earlier.iter().map(|a| {
                            // An option holds text only: a label isolated by characters, not `<bdi>`.
                            let text = [
                                date(a),
                                a.label.as_deref().map(quiz_core::text::isolated),
                                a.scores.overall.map(|o| o.to_string()),
                            ]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                            html! { <option value={a.id.clone()} selected={compare_id.as_ref() == Some(&a.id)}>{ text }</option> }
                        }) }
                    </select>
                </div>
            }
            <ResultReport quiz={quiz.clone()} report={report} compare={compare_report} {compare_heading} />
            <AttemptLabel key={attempt.id.clone()} quiz={quiz.clone()} label={attempt.label.clone().map(AttrValue::from)} on_save={props.on_label.clone()} />
            { print_link(&ui.share_link_label, &props.share_link) }
            <SharePanel quiz={quiz.clone()} link={props.share_link.clone()} can_share={props.can_share}
                status={props.share_status} on_copy={props.on_copy.clone()} on_share={props.on_share.clone()} />
            // Found out here, in the results part, not at start: a first
            // visit carries none of the reminder.
            if files::can_download() {
                <Reminder quiz={quiz.clone()} attempt_id={attempt.id.clone()} label={attempt.label.clone().map(AttrValue::from)}
                    completed={completed_day.unwrap_or_default()} result_link={props.share_link.clone()} on_save={Callback::from(save_file)} />
            }
            <div class="question-nav">
                <button type="button" class="button" onclick={on_start_again}>{ ui.start_again.clone() }</button>
                <a href={Route::History.to_hash()} class="button">{ ui.nav_history.clone() }</a>
            </div>
        </section>
    }
}

fn save_file(file: quiz_core::calendar::CalendarFile) {
    files::download(&file.name, &file.text, quiz_core::calendar::MIME);
}
