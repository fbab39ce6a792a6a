//! Where printing and downloads work: a page of its own, a frame whose
//! sandbox allows them, and another origin's frame whose sandbox cannot be seen.

use quiz_core::framing::Framing;

#[test]
fn a_frame_prints_and_downloads_as_its_sandbox_allows() {
    let frame = |sandbox: Option<&str>| Framing::Frame {
        sandbox: sandbox.map(str::to_string),
    };
    let loader = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads";
    let cases = [
        (Framing::Top, true, true),
        (frame(None), true, true),
        (frame(Some("")), false, false),
        (frame(Some(loader)), false, true),
        (
            frame(Some("allow-scripts  ALLOW-MODALS\tallow-downloads")),
            true,
            true,
        ),
        (
            frame(Some("allow-modals-and-more allow-downloadsx")),
            false,
            false,
        ),
        // Another origin's frame: its sandbox cannot be seen. The loader's
        // and the documented snippet's allow downloads, not dialogs.
        (Framing::CrossOrigin, false, true),
    ];
    for (framing, print, download) in cases {
        assert_eq!(framing.allows_print(), print, "{framing:?}");
        assert_eq!(framing.allows_downloads(), download, "{framing:?}");
    }
}
