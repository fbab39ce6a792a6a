use yew::prelude::*;

use crate::content::QuizRef;
use crate::store::StorageNotice;

#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    pub quiz: QuizRef,
    pub notices: Vec<StorageNotice>,
    pub on_dismiss: Callback<StorageNotice>,
}

/// What the visitor should know about their saved data, politely, once.
#[function_component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    let ui = &props.quiz.ui;
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for props.notices.iter().map(|notice| {
                let text = match notice {
                    StorageNotice::NotKept => &ui.notice_not_kept,
                    StorageNotice::Full => &ui.notice_full,
                    StorageNotice::Quarantined => &ui.notice_quarantined,
                    StorageNotice::NewerData => &ui.notice_newer,
                };
                let on_click = {
                    let on_dismiss = props.on_dismiss.clone();
                    let notice = *notice;
                    Callback::from(move |_: MouseEvent| on_dismiss.emit(notice))
                };
                html! {
                    <div class="notice" data-testid="storage-notice">
                        <p>{ text.clone() }</p>
                        <button type="button" class="button button-small" onclick={on_click}>{ ui.notice_dismiss.clone() }</button>
                    </div>
                }
            }) }
        </div>
    }
}
