// Writes brotli (quality 11) and gzip (level 9) siblings of every text and wasm
// file in a build folder, so a static host can serve them as they are
// (nginx gzip_static/brotli_static, Caddy precompressed, Netlify…).
// Run by trunk's post_build hook (Trunk.toml) on its staging folder.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|bin|webmanifest)$/;

// The levels every byte count of this project uses: these siblings, the size
// check in `make test` and the benchmark's server (bench/support/server.mjs).
export const brotliOptions = (bytes) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});
export const GZIP_OPTIONS = { level: 9 };

export function brotli(bytes) {
  return brotliCompressSync(bytes, brotliOptions(bytes));
}

export function gzip(bytes) {
  return gzipSync(bytes, GZIP_OPTIONS);
}

async function precompress(folder) {
  for (const name of await readdir(folder)) {
    if (!COMPRESSIBLE.test(name)) continue;
    const bytes = await readFile(join(folder, name));
    await writeFile(join(folder, `${name}.br`), brotli(bytes));
    await writeFile(join(folder, `${name}.gz`), gzip(bytes));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node scripts/precompress.mjs <build folder>');
    process.exit(2);
  }
  await precompress(folder);
}
