//! Loading the shipped content files for host tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use quiz_core::authoring::{
    assemble, parse_language, parse_manifest, parse_releases, LanguageFile, Manifest,
};
use quiz_core::content::Release;
use quiz_core::validate::{ContentError, SourceFiles};
use quiz_core::{Answer, AnswerSheet, Quiz};

pub const FILES: SourceFiles<'static> = SourceFiles {
    manifest: "manifest.toml",
    language: "en.toml",
    releases: "releases.toml",
};

pub fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content")
}

pub fn read(name: &str) -> String {
    let path = content_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

pub fn manifest() -> Manifest {
    parse_manifest(&read("manifest.toml"), "manifest.toml").unwrap_or_else(|e| panic!("{e}"))
}

pub fn english_texts() -> LanguageFile {
    parse_language(&read("en.toml"), "en.toml").unwrap_or_else(|e| panic!("{e}"))
}

pub fn releases() -> Vec<Release> {
    parse_releases(&read("releases.toml"), "releases.toml").unwrap_or_else(|e| panic!("{e}"))
}

pub fn try_assemble(manifest: &Manifest, texts: LanguageFile) -> Result<Quiz, Vec<ContentError>> {
    assemble(manifest, &releases(), texts, "en", FILES)
}

/// The shipped English quiz, parsed once per test binary (property tests call this per case).
pub fn english() -> Quiz {
    static ENGLISH: OnceLock<Quiz> = OnceLock::new();
    ENGLISH
        .get_or_init(|| {
            try_assemble(&manifest(), english_texts()).unwrap_or_else(|errors| {
                panic!(
                    "{}",
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            })
        })
        .clone()
}

/// Answers every question of each dimension alike: `per_dimension[i]` for dimension `i`.
pub fn uniform(quiz: &Quiz, per_dimension: &[Option<Answer>]) -> AnswerSheet {
    quiz.dimensions
        .iter()
        .zip(per_dimension)
        .flat_map(|(d, answer)| {
            d.questions
                .iter()
                .filter_map(move |q| answer.map(|a| (q.id.clone(), a)))
        })
        .collect()
}
