//! Hash routes, so the app works on any static host and inside an iframe
//! without server rewrites. Plain Rust, tested on the host; the browser side
//! (listening and navigating) is `hooks::use_route`.
//!
//! Parsing reads links the way yew-router 0.20 did, which wrote the links in
//! circulation: the query and a second `#` are not part of the path, one
//! trailing `/` is ignored, parameters are non-empty and percent-decoded as
//! UTF-8 (`+` stays `+`), and anything else is `NotFound`.

#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(Debug))]
pub enum Route {
    /// `#/`
    Landing,
    /// `#/q/<n>`: one-based question number, as the visitor sees it.
    Question { number: usize },
    /// `#/review`
    Review,
    /// `#/results`: the latest completed attempt.
    Results,
    /// `#/results/<id>`
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
        let mut hash = String::from("#/");
        let mut segment = |name: &str, params: &[&str]| {
            hash.push_str(name);
            for param in params {
                hash.push('/');
                push_encoded(&mut hash, param);
            }
        };
        match self {
            Route::Landing => {}
            Route::Question { number } => segment("q", &[&number.to_string()]),
            Route::Review => segment("review", &[]),
            Route::Results => segment("results", &[]),
            Route::ResultsFor { id } => segment("results", &[id]),
            Route::History => segment("history", &[]),
            Route::SharedResult { code } => segment("r", &[code]),
            Route::Compare { first, second } => segment("compare", &[first, second]),
            Route::Embed => segment("embed", &[]),
            Route::NotFound => segment("404", &[]),
        }
        hash
    }
}

/// A path parameter: never empty; `None` when it does not decode to UTF-8.
fn param(segment: &str) -> Option<String> {
    if segment.is_empty() {
        return None;
    }
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = if byte == b'%' {
            unescape(bytes.get(i + 1..i + 3))
        } else {
            None
        };
        match escaped {
            Some(value) => {
                decoded.push(value);
                i += 3;
            }
            // A `%` that starts no escape is kept as it is.
            None => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

/// The byte that `%` and these two hex digits stand for.
fn unescape(digits: Option<&[u8]>) -> Option<u8> {
    match digits? {
        [high, low] => Some(hex(*high)? << 4 | hex(*low)?),
        _ => None,
    }
}

fn hex(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Percent-encodes every byte but `A–Z a–z 0–9 - _ . ~`, as yew-router did.
fn push_encoded(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

// Host only: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
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
    fn a_very_long_code_is_read_without_trouble() {
        let code = "A".repeat(100_000);
        assert_eq!(Route::parse(&format!("#/r/{code}")), shared(&code));
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

    fn any_route() -> impl Strategy<Value = Route> {
        // Parameters are never empty: `#/r/` is not a shared result.
        let text = || any::<String>().prop_filter("non-empty", |s| !s.is_empty());
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
        fn parameters_encode_and_decode_as_urlencoding_does(text in any::<String>()) {
            let mut encoded = String::new();
            push_encoded(&mut encoded, &text);
            prop_assert_eq!(&encoded, &urlencoding::encode(&text).into_owned());
            prop_assert_eq!(param(&encoded), (!text.is_empty()).then(|| text.clone()));
        }

        #[test]
        fn any_text_decodes_as_urlencoding_decodes_it(text in "([%0-9a-fA-FgG/]|.){1,12}") {
            prop_assert_eq!(param(&text), urlencoding::decode(&text).ok().map(|t| t.into_owned()));
        }

        #[test]
        fn parse_never_panics(hash in any::<String>()) {
            let _ = Route::parse(&hash);
        }
    }
}
