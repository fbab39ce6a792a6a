//! Which language the quiz speaks: chosen from the address, the visitor's
//! saved setting, the browser's languages and the default, in that order;
//! and the `Intl` locale its dates and numbers are written in.

/// A language the quiz ships (`content/manifest.toml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language {
    /// A BCP 47 primary language subtag, lower case: `en`, `nl`.
    pub code: String,
    /// Its own name for itself, for the language switch: `Nederlands`.
    pub name: String,
    /// The locale dates use when the browser names no region for it: `nl-NL`.
    pub locale: String,
}

/// Longest language tag looked at, in bytes (`de-CH-1996` is 10).
pub const MAX_TAG_BYTES: usize = 35;

/// The primary subtag of a BCP 47 tag, lower-cased: `nl-BE` → `nl`.
fn primary(tag: &str) -> Option<String> {
    if tag.len() > MAX_TAG_BYTES {
        return None;
    }
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (!primary.is_empty() && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

/// The language to use: the first of `query` (`?lang=`, or an embed's
/// `data-language`), `saved` (the visitor's setting) and `browser` (in the
/// browser's order of preference, region ignored: `nl-BE` and `nl-NL` both
/// give `nl`) that `available` has, else the first of `available` (the default).
/// `available` must not be empty; an empty one gives `en`.
pub fn negotiate(
    query: Option<&str>,
    saved: Option<&str>,
    browser: &[String],
    available: &[Language],
) -> String {
    let known = |tag: &str| {
        let code = primary(tag)?;
        available.iter().any(|l| l.code == code).then_some(code)
    };
    query
        .and_then(known)
        .or_else(|| saved.and_then(known))
        .or_else(|| browser.iter().find_map(|tag| known(tag)))
        .or_else(|| available.first().map(|l| l.code.clone()))
        .unwrap_or_else(|| "en".into())
}

/// The `Intl` locale for `language`: the browser's own tag for that language
/// when it names a region (`nl-BE` for a Belgian visitor), else the
/// language's default locale (`nl-NL`, and `en-GB`: day, month, year).
pub fn locale(language: &Language, browser: &[String]) -> String {
    browser
        .iter()
        .filter(|tag| tag.len() <= MAX_TAG_BYTES && tag.contains('-'))
        .find(|tag| primary(tag).as_deref() == Some(language.code.as_str()))
        .filter(|tag| tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        .cloned()
        .unwrap_or_else(|| language.locale.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<Language> {
        [("en", "English", "en-GB"), ("nl", "Nederlands", "nl-NL")]
            .into_iter()
            .map(|(code, name, locale)| Language {
                code: code.into(),
                name: name.into(),
                locale: locale.into(),
            })
            .collect()
    }

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_address_then_the_setting_then_the_browser_then_the_default() {
        let available = shipped();
        let cases = [
            (Some("nl"), Some("en"), &["en-US"][..], "nl"),
            (Some("NL"), None, &[][..], "nl"),
            (Some("xx"), Some("nl"), &["en"][..], "nl"),
            (None, Some("nl"), &["en-GB"][..], "nl"),
            (None, Some("fr"), &["fr-FR", "nl-BE", "en"][..], "nl"),
            (None, None, &["nl-NL"][..], "nl"),
            (None, None, &["nl_BE"][..], "nl"),
            (None, None, &["de-DE", "fr"][..], "en"),
            (None, None, &[][..], "en"),
            (Some(""), Some("<script>"), &["-", "e"][..], "en"),
        ];
        for (query, saved, browser, expected) in cases {
            assert_eq!(
                negotiate(query, saved, &tags(browser), &available),
                expected,
                "{query:?} {saved:?} {browser:?}"
            );
        }
        let huge = "n".repeat(MAX_TAG_BYTES + 1);
        assert_eq!(negotiate(Some(&huge), None, &[], &available), "en");
    }

    #[test]
    fn dates_follow_the_visitor_s_region_or_the_language_s_own() {
        let [en, nl] = <[Language; 2]>::try_from(shipped()).expect("two");
        assert_eq!(locale(&nl, &tags(&["nl-BE", "en"])), "nl-BE");
        assert_eq!(locale(&nl, &tags(&["en-US"])), "nl-NL");
        assert_eq!(locale(&en, &tags(&["en-US", "nl"])), "en-US");
        assert_eq!(
            locale(&en, &tags(&["nl-NL", "en"])),
            "en-GB",
            "British English by default"
        );
        assert_eq!(
            locale(&en, &tags(&["en-\"x"])),
            "en-GB",
            "nothing odd reaches Intl"
        );
    }
}
