// Writes the response headers of deploy/headers.mjs for a built site:
// dist/_headers (Netlify, Cloudflare Pages) and dist/_headers.nginx.conf
// (nginx: deploy/nginx.conf includes it in its `http` block). Run by trunk's
// post_build hook (Trunk.toml) after the split step has written index.html
// for the last time and 404.html is in place, so the policy's hashes are
// those of the inline scripts and styles the pages really hold, including
// any added later. docs/deployment.md explains the policy.
// Usage: node scripts/headers.mjs DIST
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import {
  contentSecurityPolicy, frameAncestors, HASHED, IMMUTABLE, REVALIDATE, SECURITY_HEADERS, UNHASHED,
} from '../deploy/headers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
// parse5, from the node tooling under e2e/ (the bootstrap installs it): the
// HTML parser browsers follow, so a script's text here is the text the
// browser hashes.
const { parse } = createRequire(join(root, 'e2e', 'package.json'))('parse5');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of every inline `<script>` (no `src`) and `<style>` in an HTML document. */
export function inlineCode(html) {
  const found = { scripts: [], styles: [] };
  const walk = (node) => {
    const tag = node.tagName;
    if ((tag === 'script' && !node.attrs.some((a) => a.name === 'src')) || tag === 'style') {
      const text = node.childNodes.map((child) => child.value ?? '').join('');
      found[tag === 'script' ? 'scripts' : 'styles'].push(text);
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content); // <template>
  };
  walk(parse(html));
  return found;
}

/** The headers for the site in `dist`: { policy, security: {name: value}, hashed: [file names] }. */
export function headersFor(dist, env = process.env) {
  const names = readdirSync(dist);
  const scripts = new Set();
  const styles = new Set();
  for (const page of names.filter((n) => n.endsWith('.html'))) {
    const code = inlineCode(readFileSync(join(dist, page), 'utf8'));
    for (const text of code.scripts) scripts.add(sha256(text));
    for (const text of code.styles) styles.add(sha256(text));
  }
  const policy = contentSecurityPolicy({ scripts: [...scripts].sort(), styles: [...styles].sort(), ancestors: frameAncestors(env) });
  return {
    policy,
    security: { 'Content-Security-Policy': policy, ...SECURITY_HEADERS },
    hashed: names.filter((n) => HASHED.test(n)).sort(),
  };
}

/** Netlify's and Cloudflare Pages' `_headers`: a path, then its headers indented. */
export function netlifyHeaders({ security, hashed }) {
  const block = (path, headers) => `${path}\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  // Both hosts join a header set by two matching rules with a comma, so the
  // security headers go on every path once and Cache-Control on named paths.
  return [
    '# Written by scripts/headers.mjs from deploy/headers.mjs; docs/deployment.md.',
    '# Paths are from the site root: for the app in a folder, put the folder in front.',
    block('/*', security),
    ...UNHASHED.map((path) => block(path, { 'Cache-Control': REVALIDATE })),
    ...hashed.map((name) => block(`/${name}`, { 'Cache-Control': IMMUTABLE })),
  ].join('\n');
}

/** For nginx's `http` block: a map for Cache-Control, and every header on every response (`always`: 404s too). */
export function nginxHeaders({ security }) {
  const quote = (value) => {
    if (/["\\$]/.test(value)) throw new Error(`a header value nginx would misread: ${value}`);
    return `"${value}"`;
  };
  return [
    '# Written by scripts/headers.mjs from deploy/headers.mjs; included in the http block of deploy/nginx.conf.',
    '# No add_header in a server or location block below it, or these are not inherited there.',
    'map $uri $quiz_cache_control {',
    `    "~${HASHED.source}" ${quote(IMMUTABLE)};`,
    `    default ${quote(REVALIDATE)};`,
    '}',
    'add_header Cache-Control $quiz_cache_control always;',
    ...Object.entries(security).map(([name, value]) => `add_header ${name} ${quote(value)} always;`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node scripts/headers.mjs DIST');
    process.exit(2);
  }
  const headers = headersFor(resolve(dist));
  writeFileSync(join(dist, '_headers'), netlifyHeaders(headers));
  writeFileSync(join(dist, '_headers.nginx.conf'), nginxHeaders(headers));
  const count = (headers.policy.match(/'sha256-/g) ?? []).length;
  console.error(`headers: _headers and _headers.nginx.conf, ${count} inline hashes, frame-ancestors ${frameAncestors()}`);
}
