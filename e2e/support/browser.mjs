// A fixture that serves dist/, opens pages in Debian's Chromium
// (support/chromium.mjs) and fails a test on any console warning or error,
// any uncaught exception and any content security policy violation, in a
// page or in any frame in it, unless the test declared it (`expectConsole`).
//
// E2E_SERVER=nginx serves the build with Debian's nginx, deploy/nginx.conf
// and the build's security headers (support/nginx.mjs) instead of the plain
// server (support/server.mjs); `make test-e2e-nginx` runs the specs that
// matter for it that way.
import { after, afterEach, before } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startNginx } from './nginx.mjs';
import { DIST, startServer } from './server.mjs';

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };
export const SERVER = process.env.E2E_SERVER === 'nginx' ? 'nginx' : 'node';

/**
 * In every frame of every page, before any of its own scripts: a content
 * security policy violation becomes a console error naming the directive.
 */
function watchEveryFrame() {
  addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation in ${location.href}: ${event.violatedDirective} refused ${event.blockedURI || 'inline code'}`);
  });
}

/**
 * Registers before/after hooks for one spec file: one server, one browser.
 * `visit.open(path)` gives a fresh context and page; console warnings and
 * errors are collected in `page.errors`, and any not declared with
 * `visit.expectConsole` fails the test that made them. `root` is the build
 * to serve (default dist/).
 */
export function useApp({ root = DIST } = {}) {
  const visit = { server: SERVER };
  let server;
  let browser;
  let pages = [];
  let expected = [];
  before(async () => {
    // Side by side: each takes a few hundred milliseconds.
    const [served, launched] = await Promise.allSettled([SERVER === 'nginx' ? startNginx(root) : startServer(root), launchChromium()]);
    server = served.value;
    browser = launched.value;
    for (const { status, reason } of [served, launched]) if (status === 'rejected') throw reason;
    visit.origin = server.origin;
    // Switches the folder served (a new release deployed at the same origin).
    visit.serve = (folder) => server.serve(folder);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    const unexpected = pages.flatMap((page) => page.errors).filter((text) => !expected.some((pattern) => pattern.test(text)));
    pages = [];
    expected = [];
    if (unexpected.length > 0) {
      throw new Error(`console warnings or errors nobody expected:\n${unexpected.map((t) => `  ${t}`).join('\n')}`);
    }
  });
  /**
   * Declares console messages this test provokes on purpose (a refused
   * postMessage, a 404, a crash): each a RegExp; they do not fail the test.
   */
  visit.expectConsole = (...patterns) => { expected.push(...patterns); };
  /** The declared patterns that `text` matches none of. */
  visit.unexpected = (messages) => messages.filter((text) => !expected.some((pattern) => pattern.test(text)));
  /**
   * A fresh browser context (its own storage); `prepare(context)` runs before any page opens;
   * other options go to Playwright's `browser.newContext` (`javaScriptEnabled: false`).
   */
  visit.newContext = async ({ viewport = DESKTOP, prepare, ...options } = {}) => {
    const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
    await context.addInitScript(watchEveryFrame);
    if (prepare) await prepare(context);
    return context;
  };
  /**
   * A new page in `context` at `path` on the app (or an absolute URL),
   * collecting console warnings and errors and uncaught exceptions of every
   * frame in `page.errors`, and every console message in `page.messages`;
   * `waitUntil` as in Playwright's `page.goto` (default: the load event).
   */
  visit.openIn = async (context, path = '/', { waitUntil } = {}) => {
    const page = await context.newPage();
    page.errors = [];
    page.messages = [];
    pages.push(page);
    page.on('console', (message) => {
      page.messages.push(message.text());
      if (message.type() === 'error' || message.type() === 'warning') page.errors.push(message.text());
    });
    page.on('pageerror', (error) => page.errors.push(error.message));
    await page.goto(/^https?:/.test(path) ? path : `${server.origin}${path}`, { waitUntil });
    return page;
  };
  visit.open = async (path = '/', options = {}) => visit.openIn(await visit.newContext(options), path);
  return visit;
}

/**
 * Waits until `condition()` (evaluated in the test, not the page) is true,
 * checking every 20 ms; throws with `what` after `timeout` ms.
 */
export async function until(what, condition, timeout = 10000) {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, 20); });
  }
}
