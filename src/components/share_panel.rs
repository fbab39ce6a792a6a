use quiz_core::storage::Attempt;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::use_copy;
use crate::share_link;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub quiz: QuizRef,
    pub attempt: Attempt,
    /// Where links point when embedded with `data-share-base`; this page otherwise.
    #[prop_or_default]
    pub share_base: Option<AttrValue>,
}

/// The result's link, with Copy and (where the browser has it) Share, and
/// what the link reveals.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let ui = &props.quiz.ui;
    let link_input = use_node_ref();
    let copier = use_copy(
        link_input.clone(),
        ui.share_copied.clone().into(),
        ui.share_copy_failed.clone().into(),
    );
    let Some(code) = share_link::code_for(&props.quiz, &props.attempt) else {
        return Html::default();
    };
    let link = share_link::result_link(props.share_base.as_deref(), &code);
    let on_copy = {
        let (copier, link) = (copier.clone(), link.clone());
        Callback::from(move |_: MouseEvent| copier.copy(link.clone()))
    };
    let on_share = {
        let link = link.clone();
        let title = ui.app_title.clone();
        Callback::from(move |_: MouseEvent| {
            let (link, title) = (link.clone(), title.clone());
            wasm_bindgen_futures::spawn_local(async move {
                share_link::share(&title, &link).await;
            });
        })
    };
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <section class="share" aria-labelledby="share-heading" data-testid="share">
            <h2 id="share-heading">{ ui.share_heading.clone() }</h2>
            <p>{ ui.share_reveals.clone() }</p>
            <label for="share-link">{ ui.share_link_label.clone() }</label>
            <div class="field-row">
                <input ref={link_input} id="share-link" type="text" readonly=true value={link} onfocus={on_focus} data-testid="share-link" />
                <button type="button" class="button button-primary" onclick={on_copy}>{ ui.share_copy.clone() }</button>
                if share_link::can_share() {
                    <button type="button" class="button" onclick={on_share}>{ ui.share_native.clone() }</button>
                }
            </div>
            <p class="field-status" role="status" data-testid="share-status">{ copier.status() }</p>
        </section>
    }
}
