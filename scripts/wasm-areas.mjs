// What the main wasm module is made of, by area (Yew, Rust std, the shell,
// the core, ...): the bytes of each area's function bodies, raw and brotli 11
// (each area compressed alone, so the brotli figures add up to a little more
// than the module's own), and the data section. docs/benchmark.md, "Where the
// first visit's bytes are".
//
// The module must keep its function names:
//   SPLIT_BUILD_KEEP_NAMES=1 trunk build --release --dist /tmp/named
//   node scripts/wasm-areas.mjs /tmp/named
// (a folder: its alliance-quiz-*_bg.wasm; or a .wasm file)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const arg = process.argv[2];
if (!arg) {
  console.error('usage: node scripts/wasm-areas.mjs DIST_DIR|FILE.wasm');
  process.exit(2);
}
const file = statSync(arg).isDirectory()
  ? join(arg, readdirSync(arg).find((n) => /^alliance-quiz-[0-9a-f]+_bg\.wasm$/.test(n)) ?? '')
  : arg;
const bytes = readFileSync(file);
const brotli = (b) => zlib.brotliCompressSync(b, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
}).length;

// The sections this needs: imports (they number the first functions), code,
// data and the name section's function names.
let at = 8;
const leb = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return value;
  }
};
const skipName = () => { const length = leb(); at += length; };
const skipLimits = () => { const flags = bytes[at++]; leb(); if (flags & 1) leb(); };
let importedFunctions = 0;
const bodies = [];
const names = new Map();
let data = Buffer.alloc(0);
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n -= 1) {
      skipName();
      skipName();
      const kind = bytes[at++];
      if (kind === 0) { leb(); importedFunctions += 1; } else if (kind === 1) { at += 1; skipLimits(); } else if (kind === 2) skipLimits(); else if (kind === 3) at += 2;
      else throw new Error(`unknown import kind ${kind}`);
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n -= 1) { const length = leb(); bodies.push(bytes.subarray(at, at + length)); at += length; }
  } else if (id === 11) {
    data = bytes.subarray(at, end);
  } else if (id === 0) {
    const nameLength = leb();
    const name = bytes.subarray(at, at + nameLength).toString();
    at += nameLength;
    while (name === 'name' && at < end) {
      const sub = bytes[at++];
      const subEnd = at + leb();
      if (sub === 1) {
        for (let n = leb(); n > 0; n -= 1) {
          const index = leb();
          const length = leb();
          names.set(index, bytes.subarray(at, at + length).toString());
          at += length;
        }
      }
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build with SPLIT_BUILD_KEEP_NAMES=1`);
  process.exit(1);
}

const AREAS = [
  ['Yew and its runtime', /^<?(yew|implicit_clone|prokio|gloo\w*|indexmap|pinned|futures\w*|async_once_cell)(\[|::)/],
  ['Rust std (core, alloc, fmt, allocator, collections)', /^<?(core|alloc|std|compiler_builtins|dlmalloc|hashbrown|tiny_sort|f64|f32|char|str)(\[|::| as|>)/],
  ['wasm-bindgen, js-sys, web-sys', /^<?(wasm_bindgen\w*|js_sys|web_sys|__wbg|__wbindgen|__externref)/],
  ['serde, serde-wasm-bindgen', /^<?(serde|serde_core|serde_wasm_bindgen)(\[|::)/],
  ['the shell (alliance_quiz)', /^<?alliance_quiz(\[|::)/],
  ['the core (quiz_core)', /^<?quiz_core(\[|::)/],
  ['code splitting (wasm_split_helpers)', /^<?wasm_split/],
];
const areaOf = (name) => AREAS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other (closures, shims, small crates)';
const grouped = new Map();
bodies.forEach((body, index) => {
  const area = areaOf(names.get(index + importedFunctions) ?? '');
  if (!grouped.has(area)) grouped.set(area, []);
  grouped.get(area).push(body);
});
const rows = [...grouped].map(([area, list]) => {
  const joined = Buffer.concat(list);
  return { area, raw: joined.length, brotli: brotli(joined) };
}).sort((a, b) => b.brotli - a.brotli);
rows.push({ area: 'data (the default language\'s content, texts, tables)', raw: data.length, brotli: brotli(data) });
const pad = (v, n) => String(v).padStart(n);
console.log(`${file}\n${'raw'.padStart(8)} ${'brotli'.padStart(8)}  area`);
for (const { area, raw, brotli: b } of rows) console.log(`${pad(raw, 8)} ${pad(b, 8)}  ${area}`);
const code = rows.slice(0, -1);
console.log(`code ${code.reduce((s, r) => s + r.raw, 0)} raw; the areas compressed alone: ${code.reduce((s, r) => s + r.brotli, 0)} brotli`);
