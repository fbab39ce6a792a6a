// Code splitting (prototype, src/lazy.rs): run by trunk's post_build hook
// (Trunk.toml) on its staging folder, before the .br/.gz siblings are made.
//
// trunk has already run wasm-bindgen and wasm-opt on the whole wasm; that
// output is replaced here, under the same file names, by:
//   1. tools/wasm-split-step (wasm_split_cli_support) on the wasm cargo linked
//      (with --emit-relocs, build.rs): main.wasm, split_<part>.wasm,
//      chunk_<n>.wasm and the loader __wasm_split.js;
//   2. wasm-bindgen --target web --keep-lld-exports on main.wasm (the parts
//      import the main module's memory, table and functions by those exports);
//   3. wasm-opt on the main module and on every part (release builds);
//   4. file names with a content hash for the parts and the loader, and a
//      preload of the loader in index.html. (index.html carries no integrity
//      attributes, data-integrity="none": Chromium ignores them on the wasm
//      preload and warns on every visit; docs/deployment.md.)
// Usage: node scripts/split-build.mjs STAGING_DIR [release|debug]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const staging = resolve(process.argv[2] ?? '');
const profile = process.argv[3] ?? process.env.TRUNK_PROFILE ?? 'release';
const release = profile === 'release';
const root = resolve(new URL('..', import.meta.url).pathname);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const input = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'alliance-quiz.wasm');
const LOADER = '__wasm_split.js';
// terser, from the node tooling under e2e/ (the bootstrap installs it).
const { minify } = createRequire(join(root, 'e2e', 'package.json'))('terser');
// wasm-bindgen's glue and the split loader come out readable; trunk's own
// minifier only saw the glue this step replaces. Minified, the two are 2 KiB
// smaller brotli on every first visit.
const minified = async (code) => (release ? (await minify(code, { module: true, compress: true, mangle: true })).code : code);

const run = (command, args, options = {}) => {
  const started = Date.now();
  const out = execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
  if (process.env.SPLIT_BUILD_VERBOSE) console.error(`split-build: ${command} ${args.join(' ')} (${Date.now() - started} ms)`);
  return out;
};
const hash = (bytes, length = 16) => createHash('sha256').update(bytes).digest('hex').slice(0, length);

const names = readdirSync(staging);
const glue = names.find((n) => /^alliance-quiz-[0-9a-f]+\.js$/.test(n));
const mainWasm = glue && glue.replace(/\.js$/, '_bg.wasm');
if (!glue || !names.includes(mainWasm)) {
  console.error(`split-build: no alliance-quiz-<hash>.js and _bg.wasm in ${staging}`);
  process.exit(1);
}
// Left from an earlier build into the same folder.
for (const n of names) if (/^(split_|chunk_|__wasm_split)/.test(n)) rmSync(join(staging, n));

const work = mkdtempSync(join(tmpdir(), 'split-build-'));
try {
  // 1. Split. The split step is a workspace member, built on first use.
  run('cargo', ['run', '--quiet', '-p', 'wasm-split-step', '--', input, work, `./${glue}`, LOADER]);
  const manifest = JSON.parse(readFileSync(join(work, 'split-manifest.json'), 'utf8'));

  // 2. wasm-bindgen on the main module, named as trunk named its output.
  const stem = glue.replace(/\.js$/, '');
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', bindgen, '--out-name', stem,
    ...(release ? [] : ['--debug', '--keep-debug']), join(work, 'main.wasm')]);

  // 3. wasm-opt on each module (as trunk would on the whole one: -Oz; trunk's
  // own pass is off, data-wasm-opt="0" in index.html), two at a time.
  const parts = readdirSync(work).filter((n) => /^(split_|chunk_).*\.wasm$/.test(n));
  const jobs = [[join(bindgen, `${stem}_bg.wasm`), join(staging, mainWasm)],
    ...parts.map((part) => [join(work, part), join(work, `opt-${part}`)])];
  const optimise = async ([from, to]) => {
    if (!release) return writeFileSync(to, readFileSync(from));
    const started = Date.now();
    // SPLIT_BUILD_KEEP_NAMES=1 keeps the function names (for
    // scripts/wasm-areas.mjs and CPU profiles; docs/benchmark.md).
    const names = process.env.SPLIT_BUILD_KEEP_NAMES ? ['-g'] : [];
    await promisify(execFile)('wasm-opt', ['-Oz', ...names, from, '-o', to], { cwd: root });
    if (process.env.SPLIT_BUILD_VERBOSE) console.error(`split-build: wasm-opt -Oz ${from} (${Date.now() - started} ms)`);
  };
  const queue = [...jobs];
  await Promise.all([0, 1].map(async () => { while (queue.length) await optimise(queue.shift()); }));

  // 4. Content-hashed names for the parts, then for the loader naming them.
  let loader = readFileSync(join(work, LOADER), 'utf8');
  const renamed = {};
  for (const part of parts) {
    const bytes = readFileSync(join(work, `opt-${part}`));
    const name = part.replace(/\.wasm$/, `-${hash(bytes)}.wasm`);
    writeFileSync(join(staging, name), bytes);
    renamed[part] = name;
    loader = loader.replaceAll(`"./${part}"`, `"./${name}"`);
  }
  // The loader logs a failed download to the console; the app already tells
  // the visitor (src/lazy.rs) and the browser reports the failed request.
  const logged = 'console.error(e);';
  if (!loader.includes(logged)) throw new Error(`split-build: the loader no longer contains ${logged}: check what it reports`);
  loader = loader.replace(logged, '');
  loader = await minified(loader);
  const loaderName = `__wasm_split-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  let js = readFileSync(join(bindgen, `${stem}.js`), 'utf8');
  js = await minified(js.replaceAll(`from "./${LOADER}"`, `from "./${loaderName}"`));
  writeFileSync(join(staging, glue), js);

  // Which files each part needs, for prefetching and for the size check.
  const parts_of = Object.fromEntries(Object.entries(manifest).map(([split, files]) => [split, files.map((f) => renamed[f] ?? f)]));
  writeFileSync(join(staging, 'split-manifest.json'), `${JSON.stringify({ loader: loaderName, parts: parts_of }, null, 2)}\n`);

  const indexPath = join(staging, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  // The glue imports the loader statically: fetch it with the glue, not after.
  index = index.replace(/(<link[^>]*href=["']?\.\/[^"'\s>]+\.js["']?[^>]*rel=["']?modulepreload["']?[^>]*>)/,
    `$1<link href=./${loaderName} rel=modulepreload>`);
  writeFileSync(indexPath, index);
  console.error(`split-build: ${Object.keys(manifest).length} parts (${Object.keys(manifest).join(', ')}), ${parts.length} files, loader ${loaderName}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
