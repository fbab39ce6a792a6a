// A static file server for the release build, on a loopback port the OS picks.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
/** dist/ with an app that can be made to panic (scripts/crash-build.mjs, `make crash-dist`). */
export const CRASH_DIST = resolve(fileURLToPath(new URL('../../target/crash-dist', import.meta.url)));

/** Content types by extension; the benchmark's server uses the same table. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves `root` on 127.0.0.1; resolves to { origin, close(), serve(folder) }: `serve` switches
 * the folder served from the next request on, as a host does when a new release is deployed.
 */
export async function startServer(root = DIST) {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`make build\` (and \`make crash-dist\` for the crash page's spec), or \`make test\`, first`);
  });
  const server = createServer(async (request, response) => {
    // `root` as it was when the request came: a switch never mixes two folders in one answer.
    const from = root;
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      // A malformed percent-encoding (`/%E0%A4%A`): a path no file has, as
      // nginx and static hosts answer it, never an exception in this server.
      path = null;
    }
    const file = path === null ? null : normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== null && !file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (file === null) throw new Error('not a path');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      // As static hosts do: their 404.html for any path they do not have.
      const notFound = await readFile(join(from, '404.html')).catch(() => null);
      if (notFound) {
        response.writeHead(404, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(notFound);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (folder) => { root = resolve(folder); },
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}
