use quiz_core::content::Question;
use quiz_core::Answer;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerOptionsProps {
    pub question: Question,
    pub selected: Option<Answer>,
    pub not_sure_label: AttrValue,
    /// The prompt heading, focused when the question appears.
    pub heading_ref: NodeRef,
    pub on_choose: Callback<Answer>,
}

/// One question as a native radio group: the fieldset's legend is the prompt,
/// the five anchored options come weakest first, then "Not sure".
#[function_component]
pub fn AnswerOptions(props: &AnswerOptionsProps) -> Html {
    let question = &props.question;
    let help_id = format!("{}-help", question.id);
    let choices = question.options.iter().enumerate().map(|(index, option)| {
        let answer = Answer::Choice(u8::try_from(index).unwrap_or(u8::MAX));
        let key = (index + 1).to_string();
        render_option(props, &option.id, &key, option.text.clone(), answer)
    });
    html! {
        <fieldset class="answer-options" aria-describedby={question.help.as_ref().map(|_| help_id.clone())}>
            <legend>
                <h1 ref={props.heading_ref.clone()} tabindex="-1" class="question-prompt">
                    { question.prompt.clone() }
                </h1>
            </legend>
            if let Some(help) = &question.help {
                <p id={help_id} class="question-help">{ help.clone() }</p>
            }
            <div class="options">
                { for choices }
                { render_option(props, "not-sure", "0", props.not_sure_label.to_string(), Answer::NotSure) }
            </div>
        </fieldset>
    }
}

fn render_option(
    props: &AnswerOptionsProps,
    option_id: &str,
    key: &str,
    text: String,
    answer: Answer,
) -> Html {
    let input_id = format!("{}-{option_id}", props.question.id);
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_: Event| on_choose.emit(answer))
    };
    let checked = props.selected == Some(answer);
    let class = classes!(
        "option",
        (answer == Answer::NotSure).then_some("option-not-sure"),
        checked.then_some("is-checked")
    );
    html! {
        <label {class} for={input_id.clone()}>
            <input
                type="radio"
                id={input_id}
                name={props.question.id.clone()}
                value={option_id.to_string()}
                {checked}
                {onchange}
            />
            <span class="option-key" aria-hidden="true">{ key.to_string() }</span>
            <span class="option-text">{ text }</span>
        </label>
    }
}
