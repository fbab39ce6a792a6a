// `make prerender`: writes into index.html the landing page as the app renders
// it for a first-time visitor, so it paints before the wasm has loaded. Serves
// the release build in dist/ on a loopback port, opens `/` in a fresh browser
// context (no saved data, not embedded), waits for the app to have mounted and
// rewrites the block between the markers in index.html with the root's
// elements, one per line, attributes in alphabetical order as trunk's
// minifier writes them (e2e/support/prerendered.mjs). The app replaces that
// markup with its own, identical, when it starts.
// e2e/specs/prerendered-landing.test.mjs fails when the block no longer
// matches what the app renders. `make prerender` builds, runs this, and
// builds again so dist/ holds the new index.html.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/chromium.mjs';
import { BEGIN, END, ROOT_ID, rootElements, watchPrerendered, waitForApp } from '../e2e/support/prerendered.mjs';
import { DIST, startServer } from '../e2e/support/server.mjs';

const INDEX = fileURLToPath(new URL('../index.html', import.meta.url));

/** The root's elements as the app renders them on `/` for a first visit. */
async function renderedLanding(dist) {
  const server = await startServer(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addInitScript(watchPrerendered, ROOT_ID);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(`${server.origin}/`);
    await waitForApp(page);
    if (errors.length > 0) throw new Error(`the app reported errors: ${errors.join('; ')}`);
    const elements = await rootElements(page);
    if (!elements?.length) throw new Error('the app rendered nothing into <div id="app"> (is dist/ built from this index.html?)');
    return elements;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** index.html with `elements` between the markers, indented as the markers are. */
function withPrerendered(html, elements) {
  const begin = html.indexOf(BEGIN);
  const end = html.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`index.html has no "${BEGIN}" ... "${END}" block inside <div id="app">`);
  const indent = html.slice(html.lastIndexOf('\n', begin) + 1, begin);
  const block = [BEGIN, ...elements, END].join(`\n${indent}`);
  return html.slice(0, begin) + block + html.slice(end + END.length);
}

const elements = await renderedLanding(DIST);
const before = await readFile(INDEX, 'utf8');
const after = withPrerendered(before, elements);
if (after === before) {
  console.log('prerender: index.html already holds the landing page the app renders');
} else {
  await writeFile(INDEX, after);
  console.log(`prerender: index.html now holds the landing page the app renders (${elements.length} elements, ${elements.join('').length} characters); commit it`);
}
