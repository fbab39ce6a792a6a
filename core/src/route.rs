//! Hash routes (`#/q/3`, `#/r/<code>`), so the app works on any static host
//! and inside an iframe without server rewrites. The shell keeps the address
//! bar and the current route in step (`src/platform/history.rs`); reading and
//! writing a fragment is decided here.
//!
//! Links in circulation were written by yew-router 0.20, so they are read the
//! way it read them: the query and a second `#` are not part of the path, one
//! trailing `/` is ignored, parameters are non-empty and percent-decoded once
//! as UTF-8 (`+` stays `+`), and anything else is [`Route::NotFound`].

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Longest fragment read, in bytes. A result link is under 300 bytes; of a
/// longer fragment only this much is looked at, so a crafted 2 MB address
/// costs nothing (and a long `#/r/…` still reads as a shared result, whose
/// code the share decoder then refuses as too long: a "damaged link" page).
pub const MAX_HASH_BYTES: usize = 4096;

/// Bytes a route parameter keeps as they are: `A–Z a–z 0–9 - _ . ~`, the set
/// yew-router (through `urlencoding`) wrote. Everything else is `%XX`.
const PARAMETER: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A place in the app. Question numbers are one-based, as the visitor sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`
    Landing,
    /// `#/q/<n>`: the question numbered `n` (not checked against the quiz here).
    Question { number: usize },
    /// `#/review`
    Review,
    /// `#/results`: the latest completed attempt.
    Results,
    /// `#/results/<id>`: one saved attempt.
    ResultsFor { id: String },
    /// `#/history`
    History,
    /// `#/r/<code>`: a result shared as a link; the code carries the answers.
    SharedResult { code: String },
    /// `#/compare/<first>/<second>`: two shared results side by side.
    Compare { first: String, second: String },
    /// `#/embed`: the snippet and a live preview for site owners.
    Embed,
    /// Anything else (written as `#/404`).
    NotFound,
}

impl Route {
    /// The route for `location.hash`, with or without its `#`.
    pub fn parse(hash: &str) -> Route {
        let mut end = hash.len().min(MAX_HASH_BYTES);
        while !hash.is_char_boundary(end) {
            end -= 1;
        }
        let hash = &hash[..end];
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let path = hash.split(['?', '#']).next().unwrap_or_default();
        let path = path.strip_suffix('/').unwrap_or(path);
        // No fragment at all is the start page, as `#/` is.
        if path.is_empty() {
            return Route::Landing;
        }
        let Some(path) = path.strip_prefix('/') else {
            return Route::NotFound;
        };
        let segments: Vec<&str> = path.split('/').collect();
        Route::from_segments(&segments).unwrap_or(Route::NotFound)
    }

    fn from_segments(segments: &[&str]) -> Option<Route> {
        Some(match segments {
            ["q", number] => Route::Question {
                number: param(number)?.parse().ok()?,
            },
            ["review"] => Route::Review,
            ["results"] => Route::Results,
            ["results", id] => Route::ResultsFor { id: param(id)? },
            ["history"] => Route::History,
            ["r", code] => Route::SharedResult { code: param(code)? },
            ["compare", first, second] => Route::Compare {
                first: param(first)?,
                second: param(second)?,
            },
            ["embed"] => Route::Embed,
            _ => return None,
        })
    }

    /// The fragment for this route, `#` included: an `href` or `location.hash`.
    pub fn to_hash(&self) -> String {
        let (name, params): (&str, &[&str]) = match self {
            Route::Landing => ("", &[]),
            Route::Question { number } => return format!("#/q/{number}"),
            Route::Review => ("review", &[]),
            Route::Results => ("results", &[]),
            Route::ResultsFor { id } => ("results", &[id.as_str()]),
            Route::History => ("history", &[]),
            Route::SharedResult { code } => ("r", &[code.as_str()]),
            Route::Compare { first, second } => ("compare", &[first.as_str(), second.as_str()]),
            Route::Embed => ("embed", &[]),
            Route::NotFound => ("404", &[]),
        };
        let mut hash = format!("#/{name}");
        for param in params {
            hash.push('/');
            hash.extend(utf8_percent_encode(param, PARAMETER));
        }
        hash
    }

    /// The question number when this is a question route.
    pub fn question(&self) -> Option<usize> {
        match self {
            Route::Question { number } => Some(*number),
            _ => None,
        }
    }
}

/// A path parameter, percent-decoded once: never empty; `None` when the
/// bytes it decodes to are not UTF-8. A `%` that starts no escape stays.
fn param(segment: &str) -> Option<String> {
    if segment.is_empty() {
        return None;
    }
    percent_decode_str(segment)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

/// Percent-encodes everything but `A–Z a–z 0–9 - _ . ~` (RFC 3986's
/// unreserved characters), as route parameters and link queries are written.
pub fn encode_parameter(text: &str) -> String {
    utf8_percent_encode(text, PARAMETER).to_string()
}

/// Percent-encodes `text` as `encodeURIComponent` does (keeps `A–Z a–z 0–9
/// - _ . ! ~ * ' ( )`), for values put into a query string.
pub fn encode_component(text: &str) -> String {
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// `text` percent-decoded once; bytes that do not form UTF-8 are replaced.
/// For reading links that mail tools have wrapped or escaped.
pub fn decode_component(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn shared(code: &str) -> Route {
        Route::SharedResult {
            code: code.to_string(),
        }
    }

    #[test]
    fn every_route_parses_from_its_link() {
        let cases = [
            ("", Route::Landing),
            ("#", Route::Landing),
            ("#/", Route::Landing),
            ("#/q/1", Route::Question { number: 1 }),
            ("#/q/30", Route::Question { number: 30 }),
            ("#/review", Route::Review),
            ("#/results", Route::Results),
            (
                "#/results/m1abc-2",
                Route::ResultsFor {
                    id: "m1abc-2".into(),
                },
            ),
            ("#/history", Route::History),
            (
                "#/r/AQF6gAAAAAAAAAAAAAAJ24Gpbw.QWNtZQ",
                shared("AQF6gAAAAAAAAAAAAAAJ24Gpbw.QWNtZQ"),
            ),
            (
                "#/compare/AQ.QQ/Ag",
                Route::Compare {
                    first: "AQ.QQ".into(),
                    second: "Ag".into(),
                },
            ),
            ("#/embed", Route::Embed),
            ("#/404", Route::NotFound),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
    }

    #[test]
    fn links_read_as_yew_router_read_them() {
        let cases = [
            // One trailing slash, the query and a second fragment are ignored.
            ("#/history/", Route::History),
            ("#/r/AQ/", shared("AQ")),
            ("#/r/AQ?utm_source=mail", shared("AQ")),
            ("#/r/AQ#top", shared("AQ")),
            ("/review", Route::Review),
            // Parameters are percent-decoded once; `+` and stray `%` stay.
            ("#/r/AQ.My%20label", shared("AQ.My label")),
            ("#/r/%41Q%2eQQ", shared("AQ.QQ")),
            ("#/r/a+b", shared("a+b")),
            ("#/r/100%", shared("100%")),
            ("#/r/%zz%4", shared("%zz%4")),
            ("#/r/a%2Fb", shared("a/b")),
            ("#/r/caf%C3%A9", shared("café")),
            ("#/r/café", shared("café")),
            ("#/q/%31%32", Route::Question { number: 12 }),
            ("#/q/+5", Route::Question { number: 5 }),
            ("#/q/0", Route::Question { number: 0 }),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
    }

    #[test]
    fn anything_else_is_not_found() {
        for hash in [
            "#main",
            "#//",
            "#/nowhere",
            "#/Review",
            "#/r",
            "#/r/",
            "#/r//",
            "#/r/AQ/extra",
            "#/r/%FF",
            "#/q/one",
            "#/q/-1",
            "#/q/99999999999999999999999",
            "#/compare/AQ",
            "#/compare//AQ",
            "#/results/a/b",
            "#/review/x",
        ] {
            assert_eq!(Route::parse(hash), Route::NotFound, "{hash}");
        }
    }

    #[test]
    fn only_the_first_bytes_of_a_huge_fragment_are_read() {
        let prefix = "#/r/";
        let kept = "A".repeat(MAX_HASH_BYTES - prefix.len());
        let at_limit = format!("{prefix}{kept}");
        assert_eq!(Route::parse(&at_limit), shared(&kept));
        assert_eq!(Route::parse(&format!("{at_limit}A")), shared(&kept));
        assert_eq!(
            Route::parse(&format!("#/r/{}", "A".repeat(2_000_000))),
            shared(&kept),
            "still a shared result, whose code is then refused as too long"
        );
        // Cut at a character boundary, never inside one.
        let multibyte = format!("#/r/{}", "é".repeat(MAX_HASH_BYTES));
        assert!(matches!(
            Route::parse(&multibyte),
            Route::SharedResult { .. }
        ));
        assert_eq!(
            Route::parse(&format!("#/nowhere{}", "x".repeat(10_000))),
            Route::NotFound
        );
    }

    #[test]
    fn links_are_written_as_before() {
        assert_eq!(Route::Landing.to_hash(), "#/");
        assert_eq!(Route::Question { number: 7 }.to_hash(), "#/q/7");
        assert_eq!(Route::Review.to_hash(), "#/review");
        assert_eq!(Route::Results.to_hash(), "#/results");
        assert_eq!(Route::History.to_hash(), "#/history");
        assert_eq!(Route::Embed.to_hash(), "#/embed");
        assert_eq!(Route::NotFound.to_hash(), "#/404");
        assert_eq!(
            shared("AQF6gAAAAAAAAAAAAAAJ24Gpbw.QWNtZQ").to_hash(),
            "#/r/AQF6gAAAAAAAAAAAAAAJ24Gpbw.QWNtZQ"
        );
        assert_eq!(shared("a b/c~é").to_hash(), "#/r/a%20b%2Fc~%C3%A9");
        assert_eq!(
            Route::Compare {
                first: "AQ.QQ".into(),
                second: "A_-g".into()
            }
            .to_hash(),
            "#/compare/AQ.QQ/A_-g"
        );
    }

    #[test]
    fn components_encode_as_encode_uri_component_does() {
        assert_eq!(
            encode_component("https://a.example/x?y=1&z=é (!)"),
            "https%3A%2F%2Fa.example%2Fx%3Fy%3D1%26z%3D%C3%A9%20(!)"
        );
        assert_eq!(decode_component("%2523%2F"), "%23/");
    }

    fn any_route() -> impl Strategy<Value = Route> {
        // Parameters are never empty: `#/r/` is not a shared result.
        let text = || "\\PC{1,60}";
        prop_oneof![
            Just(Route::Landing),
            any::<usize>().prop_map(|number| Route::Question { number }),
            Just(Route::Review),
            Just(Route::Results),
            text().prop_map(|id| Route::ResultsFor { id }),
            Just(Route::History),
            text().prop_map(|code| Route::SharedResult { code }),
            "[A-Za-z0-9_-]{1,40}(\\.[A-Za-z0-9_-]{1,20})?"
                .prop_map(|code| Route::SharedResult { code }),
            (text(), text()).prop_map(|(first, second)| Route::Compare { first, second }),
            Just(Route::Embed),
            Just(Route::NotFound),
        ]
    }

    proptest! {
        #[test]
        fn to_hash_then_parse_gives_the_route_back(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.to_hash()), route);
        }

        #[test]
        fn parse_never_panics(hash in any::<String>()) {
            let _ = Route::parse(&hash);
        }
    }
}
