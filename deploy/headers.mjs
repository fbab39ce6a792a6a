// The one source of the HTTP response headers this app is served with: the
// security headers and the caching rules. scripts/headers.mjs (run by the
// build, Trunk.toml) writes them for each host from this file:
//   dist/_headers             Netlify and Cloudflare Pages
//   dist/_headers.nginx.conf  nginx, included by deploy/nginx.conf
// Why each value is what it is: docs/deployment.md.

/**
 * Who may put the app in a frame (CSP `frame-ancestors`): any site by
 * default, as the embed loader (embed/embed.js) is for any site. Narrow it at
 * build time with QUIZ_FRAME_ANCESTORS, a space-separated source list, for
 * example `QUIZ_FRAME_ANCESTORS="'self' https://training.example" make build`;
 * `'none'` forbids framing altogether (and with it the embed).
 */
export function frameAncestors(env = process.env) {
  const value = (env.QUIZ_FRAME_ANCESTORS ?? '').trim();
  if (!value) return '*';
  // A source list only: no `;` or `,` that would end the directive or the header.
  if (!/^[A-Za-z0-9'*:/.\- _]+$/.test(value)) {
    throw new Error(`QUIZ_FRAME_ANCESTORS is not a CSP source list: ${JSON.stringify(value)}`);
  }
  return value.replace(/\s+/g, ' ');
}

/**
 * The Content Security Policy. `scripts` and `styles` are the `'sha256-…'`
 * sources of every inline `<script>` and `<style>` in the built HTML pages,
 * computed by the build; `ancestors` is [frameAncestors]'s value.
 */
export function contentSecurityPolicy({ scripts, styles, ancestors }) {
  return [
    // Anything not named below: nothing.
    ["default-src", "'none'"],
    // The app's own files, the wasm compiled from them, and the inline
    // scripts of index.html and 404.html by hash: no 'unsafe-inline', no
    // 'unsafe-eval'.
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...scripts],
    // The stylesheet and the inline <style> elements by hash. No `style`
    // attributes: the app sets sizes and colours through the CSSOM.
    ["style-src", "'self'", ...styles],
    // The favicon is a data: URL.
    ["img-src", "'self'", 'data:'],
    // The wasm, its parts and the other languages' content are fetched.
    ["connect-src", "'self'"],
    // The "Embed this quiz" page previews the app in a frame.
    ["frame-src", "'self'"],
    // A service worker and a web app manifest, if the build has them.
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["form-action", "'none'"],
    ["base-uri", "'none'"],
    ["object-src", "'none'"],
    ["frame-ancestors", ancestors],
  ].map((directive) => directive.join(' ')).join('; ');
}

/** Every response's other security headers. */
export const SECURITY_HEADERS = {
  // Full addresses only to this site's own pages; other sites (the training
  // links) get no referrer. The share code is in the fragment, which is
  // never sent anyway.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  // Everything a page could ask for that the app does not use is off.
  // Copying (clipboard-write) and the share sheet (web-share) are left at
  // their default, this origin, which is all the app needs: the embed
  // loader's frame delegates both (allow="clipboard-write; web-share"), and
  // naming web-share here would make Chromium on Linux, which does not know
  // it, warn on every page. clipboard-read stays at its default too: the
  // app never reads the clipboard and a browser asks the visitor first, but
  // the end-to-end tests read what the app copied through it.
  'Permissions-Policy': [
    'accelerometer=()', 'camera=()', 'display-capture=()', 'geolocation=()', 'gyroscope=()',
    'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'usb=()',
  ].join(', '),
  // A page of this app opened from another site's window (or opening one)
  // shares no window handle with it. Applies only to top-level pages: the
  // embed's frame is unaffected.
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Files whose name holds a 16-hex content hash (trunk's `app-…css`,
 * `alliance-quiz-…js` and `…_bg.wasm`; the split step's `__wasm_split-…js`,
 * `split_…` and `chunk_…` parts; build.rs's `content-<lang>-….bin`): a new
 * build has new names, so a browser may keep these for a year unasked.
 */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|bin)$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else, which keeps its name from build to build (index.html,
 * embed.js, 404.html, split-manifest.json, manifest.webmanifest,
 * service-worker.js), is checked with the server every time.
 */
export const REVALIDATE = 'no-cache';
/** The unhashed files a host should name in its rules (`_headers` has no default). */
export const UNHASHED = ['/', '/index.html', '/embed.js', '/404.html', '/split-manifest.json', '/manifest.webmanifest', '/service-worker.js'];
