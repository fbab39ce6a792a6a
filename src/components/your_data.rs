use quiz_core::storage::ImportError;
use quiz_core::text::fill;
use quiz_core::Quiz;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::content::QuizRef;
use crate::hooks::QuizSessionHandle;

#[derive(Properties, PartialEq)]
pub struct YourDataProps {
    pub quiz: QuizRef,
    pub session: QuizSessionHandle,
}

/// What is stored and where; export, import, and deleting everything.
#[function_component]
pub fn YourData(props: &YourDataProps) -> Html {
    let ui = &props.quiz.ui;
    let status = use_state(String::new);

    let on_export = {
        let session = props.session.clone();
        Callback::from(move |_: MouseEvent| {
            let date = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let day = date.get(..10).unwrap_or("export");
            download(
                &format!("alliance-quiz-results-{day}.json"),
                &session.export(),
            );
        })
    };
    let on_import = {
        let session = props.session.clone();
        let status = status.clone();
        let quiz = props.quiz.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let session = session.clone();
            let status = status.clone();
            let quiz = quiz.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let ui = &quiz.ui;
                let message = match text.map(|text| session.import(&text)) {
                    Some(Ok(report)) => fill(
                        &ui.data_imported,
                        &[
                            ("added", &report.added.to_string()),
                            ("present", &report.already_present.to_string()),
                        ],
                    ),
                    Some(Err(error)) => fill(
                        &ui.data_import_failed,
                        &[("reason", import_reason(&quiz, &error))],
                    ),
                    None => fill(&ui.data_import_failed, &[("reason", &ui.import_not_json)]),
                };
                status.set(message);
            });
        })
    };
    let on_delete_everything = {
        let session = props.session.clone();
        let status = status.clone();
        let text = ui.data_deleted.clone();
        Callback::from(move |_: MouseEvent| {
            session.delete_everything();
            status.set(text.clone());
        })
    };

    html! {
        <section class="your-data" aria-labelledby="your-data-heading" data-testid="your-data">
            <h2 id="your-data-heading">{ ui.data_heading.clone() }</h2>
            if props.session.is_persistent() {
                <p>{ ui.data_what.clone() }</p>
                <p>{ ui.data_where.clone() }</p>
            } else {
                <p>{ ui.data_not_kept.clone() }</p>
            }
            <div class="button-row">
                <button type="button" class="button" onclick={on_export}>{ ui.data_export.clone() }</button>
                <label class="button file-button">
                    { ui.data_import.clone() }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_import} data-testid="import-file" />
                </label>
                <button type="button" class="button button-danger" onclick={on_delete_everything}>{ ui.data_delete_everything.clone() }</button>
            </div>
            <p class="field-status" role="status" data-testid="data-status">{ (*status).clone() }</p>
        </section>
    }
}

fn import_reason<'a>(quiz: &'a Quiz, error: &ImportError) -> &'a str {
    let ui = &quiz.ui;
    match error {
        ImportError::TooLarge => &ui.import_too_large,
        ImportError::NotJson => &ui.import_not_json,
        ImportError::NotAnExport => &ui.import_not_export,
        ImportError::NewerSchema { .. } => &ui.import_newer,
        ImportError::Invalid { .. } => &ui.import_damaged,
    }
}

/// Offers `contents` as a file download, without a server.
fn download(name: &str, contents: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
