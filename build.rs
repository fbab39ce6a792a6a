//! Turns `content/` into one validated quiz per language in the compact form
//! of `quiz_core::content_codec`. The default language is embedded in the
//! wasm (`OUT_DIR/content-<code>.bin`); every other language is written to
//! `target/content/content-<code>-<fingerprint>.bin`, which the build copies
//! into `dist/` and the app fetches when that language is chosen, so no
//! visitor downloads a language they do not read. Invalid content fails the
//! build with messages naming the file and the item.

use std::path::Path;
use std::process::Command;
use std::{env, fs};

use quiz_core::authoring::build;
use quiz_core::content_codec::fingerprint;
use quiz_core::validate::ContentError;

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
    println!("cargo:rustc-env=QUIZ_BUILD_COMMIT={}", build_commit());
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

fn io_error(file: &str, error: std::io::Error) -> Vec<ContentError> {
    vec![ContentError::Parse {
        file: file.to_string(),
        message: error.to_string(),
    }]
}

fn build_content() -> Result<(), Vec<ContentError>> {
    let languages = build(Path::new("content"))?;
    let out_dir = env::var("OUT_DIR")
        .map_err(|_| io_error("OUT_DIR", std::io::ErrorKind::NotFound.into()))?;
    let fetched = Path::new("target/content");
    fs::create_dir_all(fetched).map_err(|e| io_error("target/content", e))?;
    // Files of an earlier build: only this build's languages are copied.
    for old in fs::read_dir(fetched)
        .map_err(|e| io_error("target/content", e))?
        .flatten()
    {
        let _ = fs::remove_file(old.path());
    }
    // `(code, name, locale, embedded bytes or fetched file)`, default first.
    let mut table = String::from("&[");
    for (index, built) in languages.iter().enumerate() {
        let language = &built.language;
        let source = if index == 0 {
            let file = Path::new(&out_dir).join(format!("content-{}.bin", language.code));
            fs::write(&file, &built.bytes).map_err(|e| io_error("OUT_DIR", e))?;
            format!(
                "Source::Embedded(include_bytes!(concat!(env!(\"OUT_DIR\"), \"/content-{}.bin\")))",
                language.code
            )
        } else {
            let name = format!(
                "content-{}-{}.bin",
                language.code,
                fingerprint(&built.bytes)
            );
            fs::write(fetched.join(&name), &built.bytes).map_err(|e| io_error(&name, e))?;
            format!("Source::Fetched({name:?})")
        };
        table.push_str(&format!(
            "Shipped {{ code: {:?}, name: {:?}, locale: {:?}, source: {source} }},",
            language.code, language.name, language.locale
        ));
    }
    table.push(']');
    fs::write(Path::new(&out_dir).join("languages.rs"), table)
        .map_err(|e| io_error("languages.rs", e))
}

/// The commit this build is made from, for the crash page's details
/// (src/crash.rs): `QUIZ_BUILD_COMMIT` when set (a build from an archive),
/// else git's short hash, else "unknown". Cargo runs this again when HEAD
/// or the branch it names moves.
fn build_commit() -> String {
    println!("cargo:rerun-if-env-changed=QUIZ_BUILD_COMMIT");
    if let Ok(commit) = env::var("QUIZ_BUILD_COMMIT") {
        return commit;
    }
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .map(|out| out.trim().to_string())
            .filter(|out| !out.is_empty())
    };
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(&["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        // Only files that exist: cargo runs this every time for a missing one.
        let path = git(&["rev-parse", "--git-path", &name]).filter(|p| Path::new(p).exists());
        if let Some(path) = path {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into())
}
