// A fixture that serves dist/, opens pages in Debian's Chromium
// (support/chromium.mjs) and fails a test on any console error.
import { after, before } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startServer } from './server.mjs';

export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Registers before/after hooks for one spec file: one server, one browser.
 * `visit.open(path)` gives a fresh context and page; console errors are collected in `page.errors`.
 */
export function useApp() {
  const visit = {};
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
    visit.origin = server.origin;
    // Switches the folder served (a new release deployed at the same origin).
    visit.serve = (folder) => server.serve(folder);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  /**
   * A fresh browser context (its own storage); `prepare(context)` runs before any page opens;
   * other options go to Playwright's `browser.newContext` (`javaScriptEnabled: false`).
   */
  visit.newContext = async ({ viewport = DESKTOP, prepare, ...options } = {}) => {
    const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
    if (prepare) await prepare(context);
    return context;
  };
  /**
   * A new page in `context` at `path` on the app (or an absolute URL), collecting console errors in
   * `page.errors` and every console message in `page.messages`;
   * `waitUntil` as in Playwright's `page.goto` (default: the load event).
   */
  visit.openIn = async (context, path = '/', { waitUntil } = {}) => {
    const page = await context.newPage();
    page.errors = [];
    page.messages = [];
    page.on('console', (message) => {
      page.messages.push(message.text());
      if (message.type() === 'error') page.errors.push(message.text());
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
