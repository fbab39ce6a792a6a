use std::rc::Rc;

use quiz_core::route::Route;
use quiz_core::score;
use quiz_core::share::{self, decode, read_pasted, PasteError, SharedAnswers};
use quiz_core::text::fill;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::print_button::print_link;
use crate::components::{LinkProblem, PrintButton, ResultReport};
use crate::content::QuizRef;
use crate::hooks::{use_focus_on, use_navigator};
use crate::platform::dates;

#[derive(Properties, PartialEq, Clone)]
pub struct SharedResultProps {
    pub quiz: QuizRef,
    /// The code from the link, as typed: anything at all.
    pub code: AttrValue,
    /// The code of the visitor's own latest result, to compare with.
    pub mine: Option<AttrValue>,
    /// `Intl` locale for dates.
    pub locale: AttrValue,
    /// This result is in the visitor's history now.
    pub saved: bool,
    /// Adds the shared result to the visitor's history (only when asked).
    pub on_save: Callback<()>,
}

/// Someone else's result, read-only, with ways to take the quiz, save it, or
/// compare it with another result.
#[function_component]
pub fn SharedResult(props: &SharedResultProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), props.code.clone());
    let navigator = use_navigator();
    let paste_error = use_state(|| None::<PasteError>);
    let pasted = use_state(String::new);
    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let decoded = use_memo((quiz.clone(), props.code.clone()), |(quiz, code)| {
        decode(code, &quiz.releases).map(|shared| {
            let report = Rc::new(score(quiz, &shared.answers));
            (shared, report)
        })
    });
    let (shared, report): &(SharedAnswers, Rc<quiz_core::Report>) = match &*decoded {
        Ok(decoded) => decoded,
        Err(error) => return html! { <LinkProblem quiz={quiz.clone()} error={error.clone()} /> },
    };

    let on_save = props.on_save.reform(|_: MouseEvent| ());
    let compare_with = |second: String| Route::Compare {
        first: props.code.to_string(),
        second,
    };
    let on_compare_mine = props.mine.clone().map(|code| {
        let (navigator, route) = (navigator.clone(), compare_with(code.to_string()));
        Callback::from(move |_: MouseEvent| navigator.push(route.clone()))
    });
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                pasted.set(input.value());
            }
        })
    };
    let on_paste_submit = {
        let (pasted, paste_error, first) =
            (pasted.clone(), paste_error.clone(), props.code.to_string());
        let releases = quiz.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match read_pasted(&pasted, &releases.releases) {
                Ok(second) => {
                    paste_error.set(None);
                    navigator.push(Route::Compare {
                        first: first.clone(),
                        second,
                    });
                }
                Err(error) => paste_error.set(Some(error)),
            }
        })
    };

    let completed = shared
        .completed_on
        .and_then(|day| dates::day(day, &props.locale))
        .map(|day| fill(&ui.results_completed_on, &[("date", &day)]));
    html! {
        <section class="page results shared-result" data-testid="shared-result">
            <p class="shared-badge">{ ui.shared_badge.clone() }</p>
            <h1 ref={heading} tabindex="-1">{ ui.shared_heading.clone() }</h1>
            <p class="results-meta">
                if let Some(label) = &shared.label {
                    <strong data-testid="result-label"><bdi>{ label.clone() }</bdi></strong>
                    if completed.is_some() { { " · " } }
                }
                { completed.unwrap_or_default() }
            </p>
            <p class="shared-intro">{ ui.shared_intro.clone() }</p>
            if shared.label_dropped {
                <p class="field-hint" data-testid="label-dropped">{ ui.link_label_dropped.clone() }</p>
            }
            <div class="button-row">
                <a href={Route::Landing.to_hash()} class="button button-primary">{ ui.shared_take_quiz.clone() }</a>
                if props.saved {
                    <p role="status" class="field-status">{ ui.shared_saved.clone() }</p>
                } else {
                    <button type="button" class="button" onclick={on_save}>{ ui.shared_save.clone() }</button>
                }
                <PrintButton quiz={quiz.clone()} />
            </div>
            <ResultReport quiz={quiz.clone()} report={report.clone()} reader={quiz_core::wording::Reader::Shared} />
            // On this app's address: a shared result printed in a site owner's
            // frame (rare: the loader's sandbox does not allow printing)
            // links to the app rather than to their page.
            { print_link(&ui.share_link_label, &share::result_link(&crate::hooks::app_base(), &props.code)) }
            <section class="compare-partner" aria-labelledby="compare-partner-heading">
                <h2 id="compare-partner-heading">{ ui.shared_compare_heading.clone() }</h2>
                <p>{ ui.shared_compare_intro.clone() }</p>
                if let Some(on_compare_mine) = on_compare_mine {
                    <button type="button" class="button" onclick={on_compare_mine}>{ ui.shared_compare_mine.clone() }</button>
                }
                <form class="paste-form" onsubmit={on_paste_submit}>
                    <label for="paste-link">{ ui.shared_compare_paste_label.clone() }</label>
                    <div class="field-row">
                        <input id="paste-link" type="text" oninput={on_paste_input} value={(*pasted).clone()} />
                        <button type="submit" class="button">{ ui.shared_compare_paste_button.clone() }</button>
                    </div>
                </form>
                if let Some(error) = &*paste_error {
                    <p role="alert" class="field-error">{ match error {
                        PasteError::NoCode => ui.shared_compare_paste_invalid.clone(),
                        PasteError::Several { count } => fill(&ui.shared_compare_paste_several, &[("count", &count.to_string())]),
                        PasteError::TooLong => ui.shared_compare_paste_too_long.clone(),
                    } }</p>
                }
            </section>
        </section>
    }
}
