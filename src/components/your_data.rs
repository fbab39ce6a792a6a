use quiz_core::session::DataStatus;
use quiz_core::store::StorageStatus;
use quiz_core::Quiz;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::IMPORT_INPUT_ID;
use crate::platform::files;

#[derive(Properties, PartialEq, Clone)]
pub struct YourDataProps {
    pub quiz: QuizRef,
    /// Whether what is done now is kept, so every sentence here is true.
    pub storage: StorageStatus,
    pub status: Option<DataStatus>,
    pub on_export: Callback<()>,
    /// A file was chosen: its size in bytes (the core checks it before reading).
    pub on_import: Callback<u64>,
    pub on_delete_everything: Callback<()>,
}

/// What is stored and where; export, import, and deleting everything.
#[function_component]
pub fn YourData(props: &YourDataProps) -> Html {
    let ui = &props.quiz.ui;
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    let on_delete_everything = props.on_delete_everything.reform(|_: MouseEvent| ());
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |_: Event| {
            if let Some(bytes) = files::chosen_size(IMPORT_INPUT_ID) {
                on_import.emit(bytes);
            }
        })
    };
    let where_kept = quiz_core::wording::data_storage(ui, props.storage);
    let status = props
        .status
        .as_ref()
        .map(|status| message(&props.quiz, status));
    html! {
        <section class="your-data" aria-labelledby="your-data-heading" data-testid="your-data">
            <h2 id="your-data-heading">{ ui.data_heading.clone() }</h2>
            { for where_kept.into_iter().map(|text| html! { <p>{ text.to_string() }</p> }) }
            <div class="button-row">
                <button type="button" class="button" onclick={on_export}>{ ui.data_export.clone() }</button>
                <label class="button file-button">
                    { ui.data_import.clone() }
                    <input type="file" id={IMPORT_INPUT_ID} accept=".json,application/json" class="visually-hidden" onchange={on_import} data-testid="import-file" />
                </label>
                <button type="button" class="button button-danger" onclick={on_delete_everything}>{ ui.data_delete_everything.clone() }</button>
            </div>
            <p class="field-status" role="status" data-testid="data-status">{ status.unwrap_or_default() }</p>
        </section>
    }
}

fn message(quiz: &Quiz, status: &DataStatus) -> String {
    quiz_core::wording::data_status(&quiz.ui, status)
}
