fn main() {
    // Only the browser build mounts the app; on the host this binary exists so
    // `cargo clippy --all-targets` checks the same code paths.
    #[cfg(target_arch = "wasm32")]
    alliance_quiz::start();
}
