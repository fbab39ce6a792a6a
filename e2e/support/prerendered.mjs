// The landing page index.html prerenders inside <div id="app">: what the app
// renders there on `/` for a first-time visitor. scripts/prerender.mjs writes
// it between the markers; specs/prerendered-landing.test.mjs checks it.

export const ROOT_ID = 'app';
export const BEGIN = '<!-- prerendered: `make prerender` writes what the app renders here on `/` for a first visit; the app replaces it when it starts -->';
export const END = '<!-- /prerendered -->';

/**
 * An init script, `context.addInitScript(watchPrerendered, ROOT_ID)`: marks
 * every node the HTML parser puts into the root (an expando, so the markup is
 * unchanged), sets `window.appMounted` once the app has started and rendered,
 * and counts in `window.prerenderedFrames` the frames drawn while a marked
 * node in the root was displayed, that is, showing the prerendered markup.
 */
export function watchPrerendered(rootId) {
  window.prerenderedFrames = 0;
  window.appMounted = false;
  // What the parser adds comes first; the first removal from the root (by
  // index.html's own script, or by the app as it mounts) ends it.
  let parsing = true;
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.id !== rootId) continue;
      if (record.removedNodes.length > 0) parsing = false;
      if (parsing) for (const node of record.addedNodes) node.prerendered = true;
    }
  }).observe(document, { childList: true, subtree: true });
  const shown = () => [...(document.getElementById(rootId)?.children ?? [])].some((n) => n.prerendered && n.checkVisibility());
  const frame = () => {
    if (shown()) window.prerenderedFrames += 1;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // trunk's loader fires this once the wasm's start function has run, which
  // has queued the first render in a timer (src/lib.rs); timers run in the
  // order they were set, so after a frame and a timer of our own the app's
  // markup is in place.
  addEventListener('TrunkApplicationStarted', () => {
    requestAnimationFrame(() => setTimeout(() => { window.appMounted = true; }));
  }, { once: true });
}

/** Waits until the app has started and rendered. */
export async function waitForApp(page) {
  await page.waitForFunction(() => window.appMounted === true);
}

/**
 * The root's content as the browser serialises it, one string per element,
 * normalised as trunk's minifier leaves it (which changes neither layout nor
 * meaning): attributes in alphabetical order, boolean attributes empty
 * (`selected`, as the minifier writes it, for the app's `selected="selected"`),
 * no comments, no whitespace between the elements.
 */
export function rootElements(page, rootId = ROOT_ID) {
  return page.evaluate((id) => {
    const root = document.getElementById(id);
    if (!root) return null;
    const BOOLEAN = new Set(['selected', 'checked', 'disabled', 'hidden', 'required', 'readonly', 'multiple', 'open']);
    const normalised = (element) => {
      const copy = element.cloneNode(true);
      for (const each of [copy, ...copy.querySelectorAll('*')]) {
        const attributes = [...each.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : 1));
        for (const [name] of attributes) each.removeAttribute(name);
        for (const [name, value] of attributes) each.setAttribute(name, BOOLEAN.has(name) ? '' : value);
      }
      return copy.outerHTML;
    };
    return [...root.childNodes]
      .filter((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== ''))
      .map((n) => (n.nodeType === Node.ELEMENT_NODE ? normalised(n) : n.textContent));
  }, rootId);
}

/** Whether any node the parser put into the root is still there. */
export function prerenderedNodesLeft(page, rootId = ROOT_ID) {
  return page.evaluate((id) => [...document.getElementById(id).childNodes].some((n) => n.prerendered), rootId);
}
