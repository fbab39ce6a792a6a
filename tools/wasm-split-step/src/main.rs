//! `wasm-split-step INPUT.wasm OUT_DIR MAIN_MODULE [LINK_NAME]`
//!
//! Splits the wasm that cargo linked (with `--emit-relocs`, see build.rs) at
//! its `#[wasm_split]` points: writes `OUT_DIR/main.wasm` (for wasm-bindgen,
//! with `--keep-lld-exports`), one `split_<name>.wasm` per split point and
//! `chunk_<n>_….wasm` for code several points share, the loader module
//! `LINK_NAME` (default `__wasm_split.js`), which imports `initSync` from
//! `MAIN_MODULE` (the wasm-bindgen glue, as the page loads it: `./x.js`), and
//! `OUT_DIR/split-manifest.json`: each split point and the files it needs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, main_module, rest @ ..] = args.as_slice() else {
        eprintln!("usage: wasm-split-step INPUT.wasm OUT_DIR MAIN_MODULE [LINK_NAME]");
        return ExitCode::from(2);
    };
    let link_name = format!(
        "./{}",
        rest.first().map_or("__wasm_split.js", String::as_str)
    );
    match run(
        Path::new(input),
        Path::new(out_dir),
        main_module,
        &link_name,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("wasm-split-step: {error:?}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &Path, out_dir: &Path, main_module: &str, link_name: &str) -> Result<(), String> {
    let wasm = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let main_out: PathBuf = out_dir.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = out_dir;
        options.main_out_path = &main_out;
        options.main_module = main_module;
        options.link_name = link_name;
        options.verbose = std::env::var_os("WASM_SPLIT_VERBOSE").is_some();
        options
    })
    .map_err(|e| format!("{e:?}"))?;
    // A small JSON by hand: split point -> files (no serde for one map).
    let mut names: Vec<_> = split.prefetch_map.iter().collect();
    names.sort();
    let entries: Vec<String> = names
        .iter()
        .map(|(split, files)| {
            let files: Vec<String> = files.iter().map(|f| format!("\"{f}.wasm\"")).collect();
            format!("  \"{split}\": [{}]", files.join(", "))
        })
        .collect();
    let manifest = format!("{{\n{}\n}}\n", entries.join(",\n"));
    std::fs::write(out_dir.join("split-manifest.json"), manifest).map_err(|e| e.to_string())?;
    for module in &split.split_modules {
        println!("{}", module.display());
    }
    Ok(())
}
