use quiz_core::session::CopyOutcome;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub quiz: QuizRef,
    /// The result's link.
    pub link: AttrValue,
    /// The system share sheet works here.
    pub can_share: bool,
    /// What happened at the last copy or share.
    pub status: Option<CopyOutcome>,
    pub on_copy: Callback<()>,
    pub on_share: Callback<()>,
}

/// The result's link, with Copy and (where it works) Share, and what the
/// link reveals.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ui = &props.quiz.ui;
    let on_copy = props.on_copy.reform(|_: MouseEvent| ());
    let on_share = props.on_share.reform(|_: MouseEvent| ());
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    let status = match props.status {
        Some(CopyOutcome::Copied) => ui.share_copied.clone(),
        Some(CopyOutcome::CopyFailed | CopyOutcome::ShareFailed) => ui.share_copy_failed.clone(),
        None => String::new(),
    };
    html! {
        <section class="share" aria-labelledby="share-heading" data-testid="share">
            <h2 id="share-heading">{ ui.share_heading.clone() }</h2>
            <p>{ ui.share_reveals.clone() }</p>
            <label for="share-link">{ ui.share_link_label.clone() }</label>
            <div class="field-row">
                <input id="share-link" type="text" readonly=true value={props.link.clone()} onfocus={on_focus} data-testid="share-link" />
                <button type="button" class="button button-primary" onclick={on_copy}>{ ui.share_copy.clone() }</button>
                if props.can_share {
                    <button type="button" class="button" onclick={on_share}>{ ui.share_native.clone() }</button>
                }
            </div>
            <p class="field-status" role="status" data-testid="share-status">{ status }</p>
        </section>
    }
}
