//! Text the visitor types or a link carries: `{name}` placeholders in
//! interface texts, and the one label cleaner every length limit goes through.
//!
//! Where one character a reader sees ends (a grapheme cluster: a flag, an
//! emoji with a skin tone or joiners, a letter with combining accents) is
//! Unicode's segmentation algorithm, supplied through [`Graphemes`]: in the
//! browser by `Intl.Segmenter` (`src/platform/text.rs`), on the host by the
//! `unicode-segmentation` crate (feature `host-text`). Measured with twiggy,
//! that crate's tables cost the wasm about 29 KB; the browser's cost nothing.

/// Unicode grapheme cluster boundaries (UAX #29, extended clusters).
pub trait Graphemes {
    /// The byte offsets at which the clusters of `text` end, ascending; the
    /// last is `text.len()` (none for empty text).
    fn ends(&self, text: &str) -> Vec<usize>;
}

/// Every scalar value its own cluster: the fallback where a browser has no
/// `Intl.Segmenter`. A cut is then still never inside a UTF-8 sequence.
#[derive(Clone, Copy, Debug, Default)]
pub struct CodePoints;

impl Graphemes for CodePoints {
    fn ends(&self, text: &str) -> Vec<usize> {
        text.char_indices().map(|(i, c)| i + c.len_utf8()).collect()
    }
}

/// The cluster ends of ASCII text without a segmenter, or `None` when `text`
/// is not ASCII. In ASCII only CR LF is one cluster of two code points
/// (UAX #29 rule GB3); ASCII has no extenders, joiners or regional
/// indicators. Lets the browser skip creating an `Intl.Segmenter` (about
/// 20 ms of start-up) for the labels most visitors type.
pub fn ascii_ends(text: &str) -> Option<Vec<usize>> {
    if !text.is_ascii() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut ends = Vec::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        // The CR of a CR LF pair ends no cluster: the LF after it does.
        if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
            ends.push(i + 1);
        }
    }
    Some(ends)
}

/// The `unicode-segmentation` crate, for host tests and tools.
#[cfg(feature = "host-text")]
#[derive(Clone, Copy, Debug, Default)]
pub struct UnicodeGraphemes;

#[cfg(feature = "host-text")]
impl Graphemes for UnicodeGraphemes {
    fn ends(&self, text: &str) -> Vec<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        text.grapheme_indices(true)
            .map(|(start, cluster)| start + cluster.len())
            .collect()
    }
}

/// Replaces each `{name}` in `template` with its value. Unknown placeholders
/// stay as written, so a translator's typo shows on screen instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut result = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        result.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => result.push_str(value),
                    None => {
                        result.push('{');
                        result.push_str(name);
                        result.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                result.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    result.push_str(rest);
    result
}

/// The bidi embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069): inside a label they would reorder the app's own text
/// around it (a U+202E in a name turns "Completed on …" backwards), so no
/// label keeps one. Category Cf, so `char::is_control` (Cc) misses them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What no label keeps: control characters (Cc) and bidi controls.
fn is_refused(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `label` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL
/// ISOLATE: for the places where a label cannot sit in its own `<bdi>`
/// element (an `<option>`'s text, an attribute shown by CSS), so that even a
/// legitimate right-to-left name never reorders the text around it.
pub fn isolated(label: &str) -> String {
    format!("\u{2068}{label}\u{2069}")
}

/// Longest raw label looked at, in bytes: a pasted novel is cut to this (at
/// a character boundary) before any cleaning, so cleaning costs little.
pub const MAX_RAW_LABEL_BYTES: usize = 4096;

/// A label as it is kept: whitespace runs (tabs and newlines too) become one
/// space, other control characters and the bidi controls
/// ([`is_bidi_control`]) are dropped, the ends are trimmed, and it
/// is cut to at most `max_chars` characters (Unicode scalar values) and
/// `max_bytes` UTF-8 bytes, only ever between two grapheme clusters (what a
/// reader sees as one character: a flag, an emoji with skin tone or joiners,
/// a letter with combining accents), and never ending in a space. `None`
/// when nothing is left.
///
/// Limits count scalar values, not clusters, so that every label this writes
/// is accepted by the decoders already deployed (share codes' format 1 checks
/// at most 60 scalar values).
pub fn clean_label(
    label: &str,
    max_chars: usize,
    max_bytes: usize,
    graphemes: &dyn Graphemes,
) -> Option<String> {
    let mut raw_end = label.len().min(MAX_RAW_LABEL_BYTES);
    while !label.is_char_boundary(raw_end) {
        raw_end -= 1;
    }
    let mut collapsed = String::with_capacity(raw_end);
    let mut space_pending = false;
    for c in label[..raw_end].chars() {
        if c.is_whitespace() {
            space_pending = !collapsed.is_empty();
        } else if !is_refused(c) {
            if space_pending {
                collapsed.push(' ');
                space_pending = false;
            }
            collapsed.push(c);
        }
    }
    let (mut chars, mut end) = (0, 0);
    for cluster_end in graphemes.ends(&collapsed) {
        // A segmenter that answers nonsense cannot make this cut a character.
        let Some(cluster) = collapsed.get(end..cluster_end) else {
            break;
        };
        let cluster_chars = cluster.chars().count();
        if chars + cluster_chars > max_chars || cluster_end > max_bytes {
            break;
        }
        chars += cluster_chars;
        end = cluster_end;
    }
    collapsed.truncate(end);
    collapsed.truncate(collapsed.trim_end().len());
    (!collapsed.is_empty()).then_some(collapsed)
}

/// The one rule every label read from outside is held to (a share link, a
/// stored attempt, an import file): true when `label` is what
/// [`clean_label`] keeps: not empty and not only whitespace, no control or
/// bidi control characters, single spaces between words, no space at
/// either end, at most `max_chars` characters. Where the cut fell does not
/// matter, so no segmenter is needed.
pub fn is_clean_label(label: &str, max_chars: usize) -> bool {
    !label.is_empty()
        && label.chars().count() <= max_chars
        && label.trim() == label
        && !label.contains("  ")
        && label
            .chars()
            .all(|c| c == ' ' || !(c.is_whitespace() || is_refused(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &dyn Graphemes = &UnicodeGraphemes;

    #[test]
    fn fills_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill("Question {n} of {total}", &[("n", "3"), ("total", "30")]),
            "Question 3 of 30"
        );
        assert_eq!(fill("{missing} and {n}", &[("n", "1")]), "{missing} and 1");
        assert_eq!(fill("unclosed {n", &[("n", "1")]), "unclosed {n");
        assert_eq!(fill("", &[]), "");
    }

    const NL_FLAG: &str = "\u{1F1F3}\u{1F1F1}";
    const FAMILY: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
    const THUMB_DARK: &str = "\u{1F44D}\u{1F3FF}";
    const E_ACUTE_COMBINING: &str = "e\u{301}";

    /// `filler` characters of 'A', then `tail`, cut to 60 characters.
    fn cut(filler: usize, tail: &str) -> Option<String> {
        clean_label(&format!("{}{tail}", "A".repeat(filler)), 60, usize::MAX, G)
    }

    #[test]
    fn a_flag_at_the_limit_is_kept_whole_or_left_out() {
        // 58 + 2 = 60: fits exactly.
        assert_eq!(
            cut(58, NL_FLAG),
            Some(format!("{}{NL_FLAG}", "A".repeat(58)))
        );
        // 59 + 2 = 61: half a flag would fit; the whole flag goes instead.
        assert_eq!(cut(59, NL_FLAG), Some("A".repeat(59)));
    }

    #[test]
    fn joined_emoji_skin_tones_and_combining_marks_are_never_split() {
        for cluster in [FAMILY, THUMB_DARK, E_ACUTE_COMBINING] {
            let size = cluster.chars().count();
            for filler in 60 - size..60 {
                let label = cut(filler, cluster).expect("the filler stays");
                assert!(
                    label == "A".repeat(filler)
                        || label == format!("{}{cluster}", "A".repeat(filler)),
                    "{cluster:?} after {filler}: {label:?}"
                );
                assert!(label.chars().count() <= 60);
            }
        }
    }

    #[test]
    fn the_byte_limit_also_cuts_between_clusters() {
        let label = format!("AB{FAMILY}");
        assert_eq!(
            clean_label(&label, 60, 2 + FAMILY.len(), G),
            Some(label.clone())
        );
        assert_eq!(
            clean_label(&label, 60, 2 + FAMILY.len() - 1, G),
            Some("AB".into())
        );
        assert_eq!(clean_label(FAMILY, 60, 3, G), None);
    }

    #[test]
    fn whitespace_collapses_controls_go_and_ends_are_trimmed() {
        assert_eq!(
            clean_label("  Acme \t\n partner\u{7}ship  ", 60, usize::MAX, G),
            Some("Acme partnership".into())
        );
        assert_eq!(clean_label(" \u{0} \t", 60, usize::MAX, G), None);
        assert_eq!(clean_label("", 60, usize::MAX, G), None);
        // A cut never leaves a trailing space.
        assert_eq!(clean_label("abc def", 4, usize::MAX, G), Some("abc".into()));
    }

    #[test]
    fn what_clean_label_keeps_is_clean_and_nothing_else_is() {
        for raw in ["  Acme\t partnership ", "x", &"é".repeat(90), "a\u{200D}b"] {
            let cleaned = clean_label(raw, 80, usize::MAX, G).expect("something left");
            assert!(is_clean_label(&cleaned, 80), "{cleaned:?}");
        }
        for dirty in ["", " a", "a ", "a  b", "a\tb", "a\u{7}", &"x".repeat(81)] {
            assert!(!is_clean_label(dirty, 80), "{dirty:?}");
        }
    }

    #[test]
    fn without_a_segmenter_a_cut_still_never_splits_a_character() {
        let label = format!("{}é", "A".repeat(59));
        assert_eq!(
            clean_label(&label, 60, usize::MAX, &CodePoints),
            Some(label.clone())
        );
        assert_eq!(
            clean_label(&label, 60, 60, &CodePoints),
            Some("A".repeat(59)),
            "é is two bytes"
        );
    }

    #[test]
    fn a_huge_paste_is_cut_before_cleaning() {
        let huge = "é".repeat(1_000_000);
        assert_eq!(clean_label(&huge, 80, usize::MAX, G), Some("é".repeat(80)));
    }
}
