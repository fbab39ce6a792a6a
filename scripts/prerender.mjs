// `make prerender`: writes into index.html the landing page as the app renders
// it for a first-time visitor, so it paints before the wasm has loaded. Serves
// the release build in dist/ on a loopback port, opens `/` in a fresh browser
// context (no saved data, not embedded), waits for the app to have mounted and
// rewrites the block between the markers in index.html with the root's
// elements, one per line, attributes in alphabetical order as trunk's
// minifier writes them (e2e/support/prerendered.mjs). The app replaces that
// markup with its own, identical, when it starts.
// It also writes the head script's list of languages (`const LANGUAGES`),
// from the language switch the app renders (content/manifest.toml's order), so
// adding a language needs no code: the file, the manifest line, `make prerender`.
// e2e/specs/prerendered-landing.test.mjs fails when the block no longer
// matches what the app renders; a host test when the list is not the manifest's. `make prerender` builds, runs this, and
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
    const languages = await page.evaluate(() => [...document.querySelectorAll('#language-switch option')].map((o) => o.value));
    if (!languages.length) throw new Error('the app rendered no language switch');
    return { elements, languages };
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

/** index.html with the head script's language list set to `languages`. */
function withLanguages(html, languages) {
  const list = /const LANGUAGES = \[[^\]]*\];/;
  if (!list.test(html)) throw new Error('index.html has no `const LANGUAGES = [...];` in its head script');
  return html.replace(list, `const LANGUAGES = [${languages.map((code) => `'${code}'`).join(', ')}];`);
}

const { elements, languages } = await renderedLanding(DIST);
const before = await readFile(INDEX, 'utf8');
const after = withLanguages(withPrerendered(before, elements), languages);
if (after === before) {
  console.log('prerender: index.html already holds the landing page the app renders');
} else {
  await writeFile(INDEX, after);
  console.log(`prerender: index.html now holds the landing page the app renders (${elements.length} elements, ${elements.join('').length} characters); commit it`);
}
