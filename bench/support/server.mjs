// The benchmark's static server, on a loopback port the OS picks: the release
// build at /, the floor at /bench/floor/, the SurveyJS peer at /bench/surveyjs/
// and its vendor files at /bench/vendor/, so all three are measured on one server.
//
// Content negotiation like a production host: with `accept-encoding: br` the
// `.br` sibling is sent with `content-encoding: br`, else with gzip the `.gz`
// sibling, else the file itself; always the original's content-type and
// `vary: accept-encoding`. A file without siblings (the fixtures, the vendor
// files, or a dist/ built without them) is compressed once in memory at the
// same levels (brotli 11, gzip 9), so every page gets the same treatment.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, gzip as gzipCallback, gzipSync } from 'node:zlib';
import { TYPES } from '../../e2e/support/server.mjs';
import { brotliOptions, GZIP_OPTIONS } from '../../scripts/precompress.mjs';

/** Compresses once per content: the byte count and the server share the work (brotli 11 is slow). */
const made = new Map();
const keyOf = (method, buffer) => `${method}:${createHash('sha256').update(buffer).digest('hex')}`;
function once(method, buffer, compress) {
  const key = keyOf(method, buffer);
  if (!made.has(key)) made.set(key, compress(buffer));
  return made.get(key);
}
export const brotli = (buffer) => once('br', buffer, (b) => brotliCompressSync(b, brotliOptions(b)));
export const gzip = (buffer) => once('gzip', buffer, (b) => gzipSync(b, GZIP_OPTIONS));

/** Fills the cache for `buffers` on libuv's thread pool, several at a time. */
export async function precompress(buffers) {
  const brotliAsync = promisify(brotliCompress);
  const gzipAsync = promisify(gzipCallback);
  await Promise.all(buffers.flatMap((buffer) => [
    ['br', () => brotliAsync(buffer, brotliOptions(buffer))],
    ['gzip', () => gzipAsync(buffer, GZIP_OPTIONS)],
  ].map(async ([method, compress]) => {
    const key = keyOf(method, buffer);
    if (!made.has(key)) made.set(key, await compress());
  })));
}

/** Which encodings the request accepts (q=0 excluded). */
function accepted(header = '') {
  const names = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) names.add(name);
  }
  return names;
}

/** Long caching for names with a content hash (trunk's), revalidation for the rest. */
function cacheControl(path) {
  return /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * mounts: [{ prefix: '/bench/floor/', root: '/abs/dir' }, ...], longest prefix wins;
 * virtual: { '/bench/surveyjs/quiz-data.js': 'text' } served from memory.
 * Resolves to { origin, warm(paths), close(), log } where log counts how responses were made.
 */
export async function startBenchServer({ mounts, virtual = {} }) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)
    .map((m) => ({ ...m, root: resolve(m.root) }));
  const log = { siblings: 0, inMemory: 0, raw: 0, notFound: [] };

  // Everything is read once and kept in memory for the server's life, like a
  // production server's page cache: no request waits for the disk or for a
  // compressor, and a dist/ rebuilt during a run cannot mix two builds.
  const variants = new Map();
  async function variant(file, raw, encodings, isVirtual) {
    for (const [encoding, ext, make] of [['br', '.br', brotli], ['gzip', '.gz', gzip]]) {
      if (!encodings.has(encoding)) continue;
      const key = `${file}\0${encoding}`;
      if (!variants.has(key)) {
        const sibling = isVirtual ? null : await readFile(file + ext).catch(() => null);
        variants.set(key, { body: sibling ?? make(raw), fromSibling: Boolean(sibling) });
      }
      const { body, fromSibling } = variants.get(key);
      log[fromSibling ? 'siblings' : 'inMemory'] += 1;
      return { body, encoding };
    }
    log.raw += 1;
    return { body: raw, encoding: null };
  }

  /** { file, raw, isVirtual } for a URL path, { redirect } or { status } when there is none. */
  const lookups = new Map();
  async function lookup(path) {
    if (!lookups.has(path)) lookups.set(path, await lookupOnDisk(path));
    return lookups.get(path);
  }
  async function lookupOnDisk(path) {
    const mount = sorted.find((m) => path.startsWith(m.prefix) || `${path}/` === m.prefix);
    if (mount && `${path}/` === mount.prefix) return { redirect: mount.prefix };
    if (Object.hasOwn(virtual, path)) return { file: path, raw: Buffer.from(virtual[path]), isVirtual: true };
    if (!mount) return { status: 404 };
    const rest = path.slice(mount.prefix.length);
    const file = normalize(join(mount.root, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest));
    if (file !== mount.root && !file.startsWith(mount.root + sep)) return { status: 403 };
    const raw = await readFile(file).catch(() => null);
    return raw ? { file, raw, isVirtual: false } : { status: 404 };
  }

  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const found = await lookup(path);
    if (found.redirect) {
      response.writeHead(301, { location: found.redirect }).end();
      return;
    }
    if (!found.raw) {
      if (found.status === 404) log.notFound.push(path);
      response.writeHead(found.status, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const { file, raw, isVirtual } = found;
    const { body, encoding } = await variant(file, raw, accepted(request.headers['accept-encoding']), isVirtual);
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      vary: 'accept-encoding',
      'cache-control': cacheControl(path),
    };
    if (encoding) headers['content-encoding'] = encoding;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  /** Compresses what has no sibling now, so no measured request waits for brotli 11. */
  async function warm(paths) {
    for (const path of paths) {
      const found = await lookup(path);
      if (!found.raw) throw new Error(`the bench server has nothing at ${path}`);
      for (const encoding of ['br', 'gzip']) {
        await variant(found.file, found.raw, new Set([encoding]), found.isVirtual);
      }
    }
    Object.assign(log, { siblings: 0, inMemory: 0, raw: 0 });
  }

  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    warm,
    lookup,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** The three pages of the benchmark on one server. */
export async function startAllPages({ dist, benchDir, surveyDataJs }) {
  await stat(join(dist, 'index.html')).catch(() => {
    throw new Error(`${dist}/index.html is missing: run \`make build\` first (or pass --dist)`);
  });
  return startBenchServer({
    mounts: [
      { prefix: '/', root: dist },
      { prefix: '/bench/floor/', root: join(benchDir, 'fixtures/floor') },
      { prefix: '/bench/surveyjs/', root: join(benchDir, 'fixtures/surveyjs') },
      { prefix: '/bench/vendor/survey-core/', root: join(benchDir, 'node_modules/survey-core') },
      { prefix: '/bench/vendor/survey-js-ui/', root: join(benchDir, 'node_modules/survey-js-ui') },
    ],
    virtual: { '/bench/surveyjs/quiz-data.js': surveyDataJs },
  });
}
