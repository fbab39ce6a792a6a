// The crash-test build for e2e/specs/crash-page.test.mjs: dist/ with the app
// swapped for one built with `--features crash-test` (src/crash.rs: the
// query `crash-test=start|render` panics), in target/crash-dist/. The
// release dist/ never holds that code.
//
// Cheap on purpose (`make test` runs it after the release build): the same
// release profile and target folder as trunk's build, so only this crate is
// compiled again; unsplit, and without wasm-opt. The glue and wasm keep the
// names index.html loads them by; the split loader's preload goes.
// Usage: node scripts/crash-build.mjs [DIST] [OUT]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const out = resolve(process.argv[3] ?? join(root, 'target', 'crash-dist'));
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const started = Date.now();

const glue = existsSync(dist) && readdirSync(dist).find((n) => /^alliance-quiz-[0-9a-f]+\.js$/.test(n));
if (!glue) {
  console.error(`crash-build: no alliance-quiz-<hash>.js in ${dist}: run \`make dist\` first`);
  process.exit(2);
}
const stem = glue.replace(/\.js$/, '');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

run('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'alliance-quiz', '--features', 'crash-test']);
const work = mkdtempSync(join(tmpdir(), 'crash-build-'));
try {
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, '--out-name', stem,
    join(targetDir, 'wasm32-unknown-unknown', 'release', 'alliance-quiz.wasm')]);
  rmSync(out, { recursive: true, force: true });
  // Without the precompressed siblings, which would be the release build's.
  cpSync(dist, out, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
  cpSync(join(work, `${stem}.js`), join(out, glue));
  cpSync(join(work, `${stem}_bg.wasm`), join(out, `${stem}_bg.wasm`));
  const index = join(out, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/<link[^>]*href=["']?\.\/__wasm_split-[^>]*>/g, ''));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.error(`crash-build: ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
