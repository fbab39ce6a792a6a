//! What a document may do where it is: a sandboxed frame refuses `print()`
//! without `allow-modals` and downloads without `allow-downloads`, and says
//! so only in the console. The shell reads where it is ([`Framing`]); the
//! rules are here, tested on the host. Only the parts that print or save
//! files ask, so none of this is in a first visit's download.

/// Where the app's document is, as far as it can tell from inside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Framing {
    /// A page of its own (a tab, a window).
    Top,
    /// In a frame on a page of the same origin, which shows the frame's
    /// `sandbox` attribute (`None`: not sandboxed).
    Frame { sandbox: Option<String> },
    /// In a frame on another origin's page, whose attributes it cannot see:
    /// the embed loader's frame, or a site owner's own iframe.
    CrossOrigin,
}

impl Framing {
    fn sandbox_allows(&self, keyword: &str) -> Option<bool> {
        match self {
            Framing::Top | Framing::Frame { sandbox: None } => Some(true),
            Framing::Frame {
                sandbox: Some(sandbox),
            } => Some(
                sandbox
                    .split_ascii_whitespace()
                    .any(|k| k.eq_ignore_ascii_case(keyword)),
            ),
            Framing::CrossOrigin => None,
        }
    }

    /// Printing works: not sandboxed, or with `allow-modals`. Not offered in
    /// another origin's frame: the embed loader's sandbox has no
    /// `allow-modals` (a dialog over a host's page is theirs to allow), and
    /// no frame there can be seen to have it.
    pub fn allows_print(&self) -> bool {
        self.sandbox_allows("allow-modals").unwrap_or(false)
    }

    /// Downloads work: not sandboxed, or with `allow-downloads`. In another
    /// origin's frame they are assumed to: the embed loader's sandbox and
    /// the snippet in docs/embedding.md both allow them.
    pub fn allows_downloads(&self) -> bool {
        self.sandbox_allows("allow-downloads").unwrap_or(true)
    }
}
