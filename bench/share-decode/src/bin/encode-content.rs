//! Writes the shipped English quiz, read from content/, in the compact form
//! the app embeds (`quiz_core::content_codec`), to the path given, for the
//! benchmark to decode (see Cargo.toml for why this is a step of its own).

use std::path::PathBuf;
use std::process::ExitCode;

use quiz_core::authoring::{assemble, parse_language, parse_manifest, parse_releases};
use quiz_core::content_codec;
use quiz_core::validate::SourceFiles;

fn read(name: &str) -> Result<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../content")
        .join(name);
    std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn encode_english() -> Result<Vec<u8>, String> {
    let files = SourceFiles {
        manifest: "manifest.toml",
        language: "en.toml",
        releases: "releases.toml",
    };
    let manifest =
        parse_manifest(&read(files.manifest)?, files.manifest).map_err(|e| e.to_string())?;
    let releases =
        parse_releases(&read(files.releases)?, files.releases).map_err(|e| e.to_string())?;
    let texts =
        parse_language(&read(files.language)?, files.language).map_err(|e| e.to_string())?;
    let quiz = assemble(&manifest, &releases, texts, "en", files).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(content_codec::encode(&quiz))
}

fn main() -> ExitCode {
    let Some(target) = std::env::args().nth(1) else {
        eprintln!("usage: encode-content <output file>");
        return ExitCode::FAILURE;
    };
    match encode_english().and_then(|bytes| {
        std::fs::write(&target, bytes).map_err(|e| format!("writing {target}: {e}"))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
