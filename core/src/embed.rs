//! Embedding on other sites: the options a host page passes in the frame's
//! query, the messages the frame posts to it, and the checks that keep result
//! data from reaching any other origin. Protocol in docs/embedding.md.

use serde::Serialize;

use crate::content::Quiz;
use crate::route::encode_component as encode;
use crate::scoring::Report;

/// Every message carries it; a host ignores versions it does not know.
pub const PROTOCOL_VERSION: u32 = 1;
/// The widget id the "Embed this quiz" page gives its own preview.
pub const PREVIEW_ID: &str = "preview";
const MAX_ID_LEN: usize = 32;
const MAX_URL_LEN: usize = 2000;
/// Longest query parameter read, in bytes: longer values are ignored as if
/// absent, before any parsing (a share base is the longest legitimate one).
pub const MAX_PARAM_BYTES: usize = MAX_URL_LEN;
/// A height past this is a bug or a forgery, never a page of this quiz.
pub const MAX_HEIGHT: u32 = 100_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What the loader asked for, every value validated; anything invalid is
/// dropped for its default rather than applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    pub id: String,
    /// The origin the loader says the host page has (`scheme://host[:port]`).
    pub host: Option<String>,
    pub language: Option<String>,
    pub theme: Theme,
    /// `#rgb` or `#rrggbb`, lower case.
    pub accent: Option<String>,
    pub compact: bool,
    pub start_screen: bool,
    /// Where share links point, without a fragment; `None` for the app itself.
    pub share_base: Option<String>,
}

/// The frame's options from its query parameters (`get(name)` is the decoded
/// value), or `None` when the page is not in embed mode (`embed=1`).
pub fn parse_options(get: impl Fn(&str) -> Option<String>) -> Option<EmbedOptions> {
    let get = |name: &str| get(name).filter(|value| value.len() <= MAX_PARAM_BYTES);
    if get("embed").as_deref() != Some("1") {
        return None;
    }
    Some(EmbedOptions {
        id: get("id")
            .filter(|id| valid_id(id))
            .unwrap_or_else(|| "1".into()),
        host: get("host").and_then(|h| parse_origin(&h)),
        language: get("lang").filter(|l| valid_language(l)),
        theme: get("theme")
            .and_then(|t| Theme::parse(&t))
            .unwrap_or_default(),
        accent: get("accent").and_then(|a| parse_accent(&a)),
        compact: get("compact").as_deref() == Some("1"),
        start_screen: get("start").as_deref() != Some("off"),
        share_base: get("share").and_then(|s| parse_share_base(&s)),
    })
}

/// Short and plain, as it is echoed into every message and DOM event.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn valid_language(language: &str) -> bool {
    (2..=8).contains(&language.len())
        && language
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A CSS hex colour, `#rgb` or `#rrggbb`; anything else (names, `url(…)`,
/// `;` tricks) is refused, so it is safe to put in a custom property.
pub fn parse_accent(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Text colour for buttons filled with `accent` (a value [`parse_accent`]
/// returned): white on dark accents, near-black on light ones, whichever
/// contrasts more (WCAG relative luminance).
pub fn text_on(accent: &str) -> &'static str {
    let hex = accent.trim_start_matches('#');
    let digits: Vec<u8> = hex
        .chars()
        .filter_map(|c| c.to_digit(16))
        .map(|d| d as u8)
        .collect();
    let rgb: [u8; 3] = match digits.as_slice() {
        [r, g, b] => [r * 17, g * 17, b * 17],
        [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
        _ => return "#ffffff",
    };
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    // Contrast with white is 1.05/(l+0.05), with #111 about (l+0.05)/0.0556.
    if 1.05 / (l + 0.05) >= (l + 0.05) / 0.0556 {
        "#ffffff"
    } else {
        "#111111"
    }
}

/// `scheme://host[:port]` of an http(s) URL or origin, lower-cased, with no
/// path, query or credentials; `None` for anything else (`null`, `file:`).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b);
    if !authority.bytes().all(allowed) {
        return None;
    }
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// Like [`origin_of`], but only for a bare origin (a trailing `/` allowed).
pub fn parse_origin(value: &str) -> Option<String> {
    let origin = origin_of(value)?;
    let trimmed = value.strip_suffix('/').unwrap_or(value);
    (trimmed.len() == origin.len()).then_some(origin)
}

/// An http(s) address for share links; its fragment is dropped, as the
/// result's route goes there.
pub fn parse_share_base(value: &str) -> Option<String> {
    let base = value.split('#').next().unwrap_or_default();
    let clean = base.len() <= MAX_URL_LEN
        && !base
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c));
    (clean && origin_of(base).is_some()).then(|| base.to_string())
}

/// Where a message may go: the declared host origin, and for result data
/// only when it matches what the browser reveals about the real embedder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Targets {
    /// For height messages, which carry nothing about the visitor.
    pub height: Option<String>,
    /// For every other message.
    pub results: Option<String>,
}

/// `referrer` is `document.referrer`, `ancestor` is
/// `location.ancestorOrigins[0]`; either may be missing or empty (referrer
/// policy, browsers without `ancestorOrigins`). What is revealed must match
/// the declared host; when nothing is, the browser still enforces the
/// declared origin as `postMessage`'s target.
pub fn targets(declared: Option<&str>, referrer: Option<&str>, ancestor: Option<&str>) -> Targets {
    let Some(declared) = declared.and_then(parse_origin) else {
        return Targets {
            height: None,
            results: None,
        };
    };
    let revealed = [referrer, ancestor]
        .into_iter()
        .flatten()
        .filter(|value| !value.is_empty());
    let mut matches = true;
    for value in revealed {
        matches &= origin_of(value).as_deref() == Some(declared.as_str());
    }
    Targets {
        results: matches.then(|| declared.clone()),
        height: Some(declared),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelInfo {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionInfo {
    pub id: String,
    pub name: String,
    /// 0 to 100; `None` (`null`) when not assessed (every answer "Not sure").
    pub score: Option<u8>,
    pub level: Option<LevelInfo>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Completed {
    pub overall: Option<u8>,
    pub level: Option<LevelInfo>,
    pub dimensions: Vec<DimensionInfo>,
    pub share_link: String,
}

impl Completed {
    pub fn new(quiz: &Quiz, report: &Report, share_link: String) -> Completed {
        let level = |index: Option<usize>| {
            let level = quiz.levels.get(index?)?;
            Some(LevelInfo {
                id: level.id.clone(),
                name: level.name.clone(),
            })
        };
        Completed {
            overall: report.overall,
            level: level(report.level),
            dimensions: report
                .dimensions
                .iter()
                .filter_map(|result| {
                    let dimension = quiz.dimensions.get(result.dimension)?;
                    Some(DimensionInfo {
                        id: dimension.id.clone(),
                        name: dimension.name.clone(),
                        score: result.score,
                        level: level(result.level),
                    })
                })
                .collect(),
            share_link,
        }
    }
}

/// What the frame tells its host page.
#[derive(Clone, Debug, PartialEq)]
pub enum EmbedEvent {
    Ready,
    Started,
    /// `index` is zero-based, `total` the number of questions.
    Question {
        index: usize,
        total: usize,
    },
    Completed(Completed),
    Restarted,
    /// The frame's content height in CSS pixels.
    Height {
        height: u32,
    },
    /// The language the frame shows (a content code such as `nl`) and the
    /// frame title for it (`embed_default_title`): sent after `Ready` and
    /// whenever the visitor switches language, so the loader can give the
    /// iframe a title screen readers announce in that language.
    Language {
        language: String,
        title: String,
    },
}

impl EmbedEvent {
    /// Only height and language messages (nothing of the visitor's) may go
    /// to a host whose origin could not be confirmed.
    pub fn carries_results(&self) -> bool {
        !matches!(
            self,
            EmbedEvent::Height { .. } | EmbedEvent::Language { .. }
        )
    }

    /// The message's `type`.
    fn name(&self) -> &'static str {
        match self {
            EmbedEvent::Ready => "alliance-quiz:ready",
            EmbedEvent::Started => "alliance-quiz:started",
            EmbedEvent::Question { .. } => "alliance-quiz:question",
            EmbedEvent::Completed(_) => "alliance-quiz:completed",
            EmbedEvent::Restarted => "alliance-quiz:restarted",
            EmbedEvent::Height { .. } => "alliance-quiz:height",
            EmbedEvent::Language { .. } => "alliance-quiz:language",
        }
    }
}

/// A message as posted: `{"type":"alliance-quiz:<name>","version":1,"id":…, …}`
/// with the event's own members after these three.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: u32,
    pub id: &'a str,
    #[serde(flatten)]
    pub body: Body<'a>,
}

/// The members a message adds to `type`, `version` and `id`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Body<'a> {
    None {},
    Question { index: usize, total: usize },
    Completed(&'a Completed),
    Height { height: u32 },
    Language { language: &'a str, title: &'a str },
}

/// The message for `event` from the widget `id`.
pub fn message<'a>(id: &'a str, event: &'a EmbedEvent) -> Message<'a> {
    Message {
        kind: event.name(),
        version: PROTOCOL_VERSION,
        id,
        body: match event {
            EmbedEvent::Question { index, total } => Body::Question {
                index: *index,
                total: *total,
            },
            EmbedEvent::Completed(completed) => Body::Completed(completed),
            EmbedEvent::Height { height } => Body::Height { height: *height },
            EmbedEvent::Language { language, title } => Body::Language { language, title },
            EmbedEvent::Ready | EmbedEvent::Started | EmbedEvent::Restarted => Body::None {},
        },
    }
}

/// Why an incoming message is ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncomingError {
    WrongOrigin,
    UnknownType,
    WrongVersion,
    WrongId,
    BadHeight,
}

/// The members of an incoming message the app looks at, read one by one by
/// the shell (never by serialising the whole payload, which a hostile page
/// can make huge): `None` for a member that is absent, of another type, or
/// a string longer than [`MAX_INCOMING_STRING`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    pub kind: Option<String>,
    pub version: Option<f64>,
    pub id: Option<String>,
    pub height: Option<f64>,
}

/// Longest string member of an incoming message that is read, in bytes.
pub const MAX_INCOMING_STRING: usize = 64;

/// The one message the app listens to: a height report from its own
/// preview frame on the "Embed this quiz" page. `origin` is the event's,
/// `expected` this page's own; the origin is checked before anything else.
pub fn parse_preview_height(
    message: &Incoming,
    origin: &str,
    expected: &str,
    id: &str,
) -> Result<u32, IncomingError> {
    if origin != expected {
        return Err(IncomingError::WrongOrigin);
    }
    if message.kind.as_deref() != Some("alliance-quiz:height") {
        return Err(IncomingError::UnknownType);
    }
    if message.version != Some(f64::from(PROTOCOL_VERSION)) {
        return Err(IncomingError::WrongVersion);
    }
    if message.id.as_deref() != Some(id) {
        return Err(IncomingError::WrongId);
    }
    message
        .height
        .filter(|h| h.fract() == 0.0 && (1.0..=f64::from(MAX_HEIGHT)).contains(h))
        .map(|h| h as u32)
        .ok_or(IncomingError::BadHeight)
}

/// What a site owner chose on the "Embed this quiz" page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnippetOptions {
    pub language: Option<String>,
    pub theme: Theme,
    /// Raw input; applied only when [`parse_accent`] accepts it.
    pub accent: String,
    pub compact: bool,
    pub start_screen: bool,
    /// Raw input; applied only when [`parse_share_base`] accepts it.
    pub share_base: String,
    pub title: String,
}

/// The two-element snippet a site owner pastes, for the loader at `loader_url`.
pub fn snippet(loader_url: &str, options: &SnippetOptions) -> String {
    let mut attributes = String::from("data-alliance-quiz");
    let mut add = |name: &str, value: &str| {
        attributes.push_str(&format!(" data-{name}=\"{}\"", escape_attribute(value)));
    };
    if let Some(language) = options.language.as_deref().filter(|l| valid_language(l)) {
        add("language", language);
    }
    if options.theme != Theme::Light {
        add("theme", options.theme.as_str());
    }
    if let Some(accent) = parse_accent(options.accent.trim()) {
        add("accent", &accent);
    }
    if options.compact {
        add("compact", "on");
    }
    if !options.start_screen {
        add("start-screen", "off");
    }
    if let Some(base) = parse_share_base(options.share_base.trim()) {
        add("share-base", &base);
    }
    let title = options.title.trim();
    if !title.is_empty() {
        add("title", title);
    }
    format!(
        "<div {attributes}></div>\n<script src=\"{}\" async></script>",
        escape_attribute(loader_url)
    )
}

/// The frame address the loader builds for these options (the preview uses it).
pub fn frame_src(app_base: &str, id: &str, host: &str, options: &SnippetOptions) -> String {
    let mut query = format!("embed=1&id={}&host={}", encode(id), encode(host));
    if let Some(language) = options.language.as_deref().filter(|l| valid_language(l)) {
        query.push_str(&format!("&lang={}", encode(language)));
    }
    query.push_str(&format!("&theme={}", options.theme.as_str()));
    if let Some(accent) = parse_accent(options.accent.trim()) {
        query.push_str(&format!("&accent={}", encode(&accent)));
    }
    if options.compact {
        query.push_str("&compact=1");
    }
    if !options.start_screen {
        query.push_str("&start=off");
    }
    if let Some(base) = parse_share_base(options.share_base.trim()) {
        query.push_str(&format!("&share={}", encode(&base)));
    }
    format!("{app_base}?{query}#/")
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
