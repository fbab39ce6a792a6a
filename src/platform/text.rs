//! Grapheme clusters for the core's label cleaner, from the browser's own
//! `Intl.Segmenter` (no segmentation tables in the wasm; see
//! `quiz_core::text`). Where a browser lacks it, each code point counts as a
//! cluster: a cut may then separate a flag's halves, never a byte sequence.

use std::cell::OnceCell;

use quiz_core::text::{ascii_ends, CodePoints, Graphemes};

/// `Intl.Segmenter` at grapheme granularity, when the browser has one.
///
/// The segmenter is made on the first text that needs it, not with the
/// session: creating one loads the browser's segmentation data, which cost
/// about 20 ms of every start-up (77 ms at 4x CPU, `make bench`'s profile)
/// although most visits never cut a label.
#[derive(Default)]
pub struct IntlGraphemes {
    segmenter: OnceCell<Option<js_sys::Intl::Segmenter>>,
}

impl IntlGraphemes {
    pub fn new() -> Self {
        Self::default()
    }

    fn segmenter(&self) -> Option<&js_sys::Intl::Segmenter> {
        self.segmenter
            .get_or_init(|| {
                let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok();
                let available = intl.as_ref().is_some_and(|intl| {
                    js_sys::Reflect::has(intl, &"Segmenter".into()).unwrap_or(false)
                });
                available.then(|| {
                    let options = js_sys::Object::new();
                    let _ =
                        js_sys::Reflect::set(&options, &"granularity".into(), &"grapheme".into());
                    js_sys::Intl::Segmenter::new(&js_sys::Array::new(), &options)
                })
            })
            .as_ref()
    }
}

impl Graphemes for IntlGraphemes {
    fn ends(&self, text: &str) -> Vec<usize> {
        // Most labels are ASCII, whose clusters need no segmenter.
        if let Some(ends) = ascii_ends(text) {
            return ends;
        }
        let Some(segmenter) = self.segmenter() else {
            return CodePoints.ends(text);
        };
        let Ok(Some(segments)) = js_sys::try_iter(&segmenter.segment(text)) else {
            return CodePoints.ends(text);
        };
        // Segments index UTF-16; the core wants UTF-8 byte offsets, so each
        // segment's own length is summed in bytes.
        let mut end = 0;
        let mut ends = Vec::new();
        for segment in segments.flatten() {
            // Segment data is a plain object (no class to check against);
            // its `segment` is read as a string or the fallback is used.
            let Some(cluster) = js_sys::Reflect::get(&segment, &"segment".into())
                .ok()
                .and_then(|s| s.as_string())
            else {
                return CodePoints.ends(text);
            };
            end += cluster.len();
            ends.push(end);
        }
        if end == text.len() {
            ends
        } else {
            CodePoints.ends(text)
        }
    }
}
