//! Turns the content source files into one validated quiz per language, written
//! to OUT_DIR in the compact form of `quiz_core::content_codec`, which the app
//! embeds and decodes with little code. Invalid content fails
//! the build with messages naming the file and the item, so a broken quiz never
//! ships.

use std::path::Path;
use std::{env, fs};

use quiz_core::authoring::{
    assemble, compare_translation, parse_language, parse_manifest, parse_releases,
};
use quiz_core::content_codec;
use quiz_core::validate::{ContentError, SourceFiles};

/// The shipped app's wasm stack. Rust's default is 1 MiB, all of it allocated
/// in the page's wasm memory at start-up; the app's deepest render needs far
/// less. Test builds (debug, deeper frames) keep the default.
const RELEASE_WASM_STACK_BYTES: u32 = 256 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=content");
    let target = env::var("TARGET").unwrap_or_default();
    let profile = env::var("PROFILE").unwrap_or_default();
    if target.starts_with("wasm32") && profile == "release" {
        println!("cargo:rustc-link-arg-bins=-zstack-size={RELEASE_WASM_STACK_BYTES}");
    }
    if target.starts_with("wasm32") {
        // Code splitting (src/lazy.rs, scripts/split-build.mjs): the split
        // step reads the linker's relocations to move functions and data
        // between the main module and the parts.
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    if let Err(errors) = build_content() {
        for error in &errors {
            println!("cargo:warning={error}");
        }
        eprintln!("content/ is invalid:");
        for error in &errors {
            eprintln!("  {error}");
        }
        std::process::exit(1);
    }
}

fn build_content() -> Result<(), Vec<ContentError>> {
    let read = |name: &str| {
        fs::read_to_string(Path::new("content").join(name)).map_err(|e| {
            vec![ContentError::Parse {
                file: name.to_string(),
                message: e.to_string(),
            }]
        })
    };
    let manifest = parse_manifest(&read("manifest.toml")?, "manifest.toml").map_err(|e| vec![e])?;
    let releases = parse_releases(&read("releases.toml")?, "releases.toml").map_err(|e| vec![e])?;
    let default_file = format!("{}.toml", manifest.default_language);
    let mut languages: Vec<String> = fs::read_dir("content")
        .map_err(|e| {
            vec![ContentError::Parse {
                file: "content/".into(),
                message: e.to_string(),
            }]
        })?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.ends_with(".toml") && name != "manifest.toml" && name != "releases.toml"
        })
        .collect();
    languages.sort();
    // The default language goes first: the others are compared with it.
    languages.sort_by_key(|name| name != &default_file);

    let out_dir = env::var("OUT_DIR").map_err(|e| {
        vec![ContentError::Parse {
            file: "OUT_DIR".into(),
            message: e.to_string(),
        }]
    })?;
    let mut reference = None;
    let mut errors = Vec::new();
    let mut index = String::from("&[");
    for file in &languages {
        let language = file.trim_end_matches(".toml");
        let files = SourceFiles {
            manifest: "manifest.toml",
            language: file,
            releases: "releases.toml",
        };
        let quiz = match parse_language(&read(file)?, file) {
            Ok(texts) => assemble(&manifest, &releases, texts, language, files),
            Err(error) => Err(vec![error]),
        };
        match quiz {
            Ok(quiz) => {
                if let Some(reference) = &reference {
                    errors.extend(compare_translation(reference, &quiz, file));
                }
                let target = Path::new(&out_dir).join(format!("content-{language}.bin"));
                fs::write(&target, content_codec::encode(&quiz)).map_err(|e| {
                    vec![ContentError::Parse {
                        file: file.clone(),
                        message: e.to_string(),
                    }]
                })?;
                index.push_str(&format!(
                    "({language:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/content-{language}.bin\"))),"
                ));
                reference.get_or_insert(quiz);
            }
            Err(found) => errors.extend(found),
        }
    }
    if reference.is_none() {
        errors.push(ContentError::MissingTranslation {
            file: default_file,
            key: "(the whole file)".into(),
        });
    }
    index.push(']');
    fs::write(Path::new(&out_dir).join("languages.rs"), index).map_err(|e| {
        vec![ContentError::Parse {
            file: "languages.rs".into(),
            message: e.to_string(),
        }]
    })?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
