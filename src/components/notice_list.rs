use quiz_core::session::Notice;
use yew::prelude::*;

use crate::content::QuizRef;

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub quiz: QuizRef,
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<Notice>,
    /// "Reload" on [`Notice::UpdateReady`].
    #[prop_or_default]
    pub on_reload: Callback<()>,
}

/// What the visitor should know about their saved data, true for the state
/// storage is in now, until dismissed.
#[function_component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    let ui = &props.quiz.ui;
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for props.notices.iter().map(|notice| {
                let Some(text) = quiz_core::wording::notice_text(ui, *notice) else {
                    return Html::default();
                };
                let on_click = {
                    let (on_dismiss, notice) = (props.on_dismiss.clone(), *notice);
                    Callback::from(move |_: MouseEvent| on_dismiss.emit(notice))
                };
                let reload = (*notice == Notice::UpdateReady).then(|| {
                    let on_reload = props.on_reload.reform(|_: MouseEvent| ());
                    html! { <button type="button" class="button button-small button-primary" onclick={on_reload}>{ ui.notice_reload.clone() }</button> }
                });
                html! {
                    <div class="notice" data-testid="storage-notice">
                        <p>{ text }</p>
                        { reload }
                        <button type="button" class="button button-small" onclick={on_click}>{ ui.notice_dismiss.clone() }</button>
                    </div>
                }
            }) }
        </div>
    }
}
