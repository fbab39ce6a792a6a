//! Files without a server: a download made in the browser, and reading the
//! file a visitor chose.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file made in the page downloads here: the frame's sandbox, where there
/// is one, allows it (`quiz_core::framing`).
pub fn can_download() -> bool {
    super::framing().allows_downloads()
}

/// Offers `contents` as a file named `name` of type `mime`. False when the
/// browser would not even make the file (a refusal after that, such as a
/// sandboxed frame without `allow-downloads`, cannot be seen from here).
pub fn download(name: &str, contents: &str, mime: &str) -> bool {
    let Some(document) = super::document() else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let made = match document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        Some(anchor) => {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
            true
        }
        None => false,
    };
    let _ = web_sys::Url::revoke_object_url(&url);
    made
}

/// The first file chosen in the `<input type=file>` with `id`, its size in
/// bytes, without reading it.
pub fn chosen_size(id: &str) -> Option<u64> {
    let file = chosen(id)?;
    let size = file.size();
    (size.is_finite() && size >= 0.0).then_some(size as u64)
}

fn chosen(id: &str) -> Option<web_sys::File> {
    super::document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// Reads the chosen file's text and clears the input (so the same file can
/// be chosen again); `None` when it cannot be read.
pub async fn read_chosen(id: &str) -> Option<String> {
    let file = chosen(id)?;
    if let Some(input) = super::document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
    JsFuture::from(file.text()).await.ok()?.as_string()
}
