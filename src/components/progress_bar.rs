use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// One-based position of the current question.
    pub current: usize,
    pub total: usize,
    /// "Question 3 of 30", announced politely when it changes.
    pub label: AttrValue,
}

#[function_component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    html! {
        <div class="progress">
            <p id="progress-label" class="progress-label" aria-live="polite" data-testid="progress-label">
                { props.label.clone() }
            </p>
            <progress
                aria-labelledby="progress-label"
                max={props.total.to_string()}
                value={props.current.to_string()}
            />
        </div>
    }
}
