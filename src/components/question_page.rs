use quiz_core::keys::KeyAction;
use quiz_core::text::fill;
use quiz_core::Answer;
use yew::prelude::*;

use crate::components::{AnswerOptions, ProgressBar};
use crate::content::QuizRef;
use crate::hooks::{use_answer_keys, use_focus_on};
use crate::performance::mark_first_question_interactive;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub quiz: QuizRef,
    /// One-based; the core only shows numbers that name a question.
    pub number: usize,
    pub selected: Option<Answer>,
    pub on_answer: Callback<Answer>,
    /// Next (or, on the last question, Review).
    pub on_next: Callback<()>,
    /// Opened from the review page: Next is "Back to review" and goes there.
    #[prop_or_default]
    pub from_review: bool,
    pub on_back: Callback<()>,
}

#[function_component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let heading = use_node_ref();
    use_focus_on(heading.clone(), props.number);
    use_effect_with(props.number, |number| {
        if *number == 1 {
            mark_first_question_interactive();
        }
    });
    {
        let (on_answer, on_next) = (props.on_answer.clone(), props.on_next.clone());
        use_answer_keys(Callback::from(move |action| match action {
            KeyAction::Choose(answer) => on_answer.emit(answer),
            KeyAction::Next => on_next.emit(()),
        }));
    }

    let quiz = &props.quiz;
    let ui = &quiz.ui;
    let total = quiz.question_count();
    let Some((dimension, question)) = props
        .number
        .checked_sub(1)
        .and_then(|i| quiz.question_at(i))
    else {
        return Html::default();
    };
    let onsubmit = props
        .on_next
        .reform(|event: SubmitEvent| event.prevent_default());
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let progress = fill(
        &ui.question_progress,
        &[
            ("n", &props.number.to_string()),
            ("total", &total.to_string()),
        ],
    );
    let dimension_name = quiz
        .dimensions
        .get(dimension)
        .map(|d| d.name.clone())
        .unwrap_or_default();

    html! {
        <form class="page question" {onsubmit} data-testid="question" data-question-id={question.id.clone()}>
            <p class="question-dimension" data-testid="question-dimension">{ dimension_name }</p>
            <ProgressBar current={props.number} {total} label={progress} />
            <AnswerOptions
                question={question.clone()}
                selected={props.selected}
                not_sure_label={ui.not_sure.clone()}
                heading_ref={heading}
                on_choose={props.on_answer.clone()}
            />
            if !question.glossary.is_empty() {
                <section class="glossary" aria-labelledby="glossary-heading" data-testid="glossary">
                    <h2 id="glossary-heading">{ ui.glossary_heading.clone() }</h2>
                    <dl>
                        { for question.glossary.iter().filter_map(|i| quiz.glossary.get(*i as usize)).map(|entry| html! {
                            <>
                                <dt>{ entry.term.clone() }</dt>
                                <dd>{ entry.definition.clone() }</dd>
                            </>
                        }) }
                    </dl>
                </section>
            }
            <p class="keys-hint">{ ui.answer_keys_hint.clone() }</p>
            <div class="question-nav">
                <button type="button" class="button" onclick={on_back}>{ ui.back.clone() }</button>
                <button type="submit" class="button button-primary">
                    { if props.from_review {
                        ui.back_to_review.clone()
                    } else if props.number < total {
                        ui.next.clone()
                    } else {
                        ui.review.clone()
                    } }
                </button>
            </div>
        </form>
    }
}
