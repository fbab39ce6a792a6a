//! The ASCII shortcut the browser takes before creating an `Intl.Segmenter`
//! (`quiz_core::text::ascii_ends`) agrees with Unicode's segmentation.

use proptest::prelude::*;
use quiz_core::text::{ascii_ends, Graphemes, UnicodeGraphemes};

proptest! {
    #[test]
    fn ascii_clusters_are_unicodes_clusters(text in "[\\x00-\\x7f]{0,40}", crlf in "(\r\n|\r|\n|a){0,6}") {
        for text in [text.clone(), format!("{crlf}{text}{crlf}")] {
            prop_assert_eq!(ascii_ends(&text), Some(UnicodeGraphemes.ends(&text)), "{:?}", text);
        }
    }

    #[test]
    fn text_with_any_other_character_is_left_to_the_segmenter(head in "[a-z]{0,5}", c in "[^\\x00-\\x7f]", tail in "[a-z]{0,5}") {
        prop_assert_eq!(ascii_ends(&format!("{head}{c}{tail}")), None);
    }
}

#[test]
fn cr_lf_is_one_cluster_and_a_lone_cr_or_lf_is_its_own() {
    assert_eq!(ascii_ends("a\r\nb"), Some(vec![1, 3, 4]));
    assert_eq!(ascii_ends("\n\r"), Some(vec![1, 2]));
    assert_eq!(ascii_ends("\r\r\n"), Some(vec![1, 3]));
    assert_eq!(ascii_ends(""), Some(vec![]));
}
