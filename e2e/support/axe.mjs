// Runs axe-core in the page and returns its violations, readably.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  // Through the DevTools protocol, not a <script> element, which the
  // content security policy refuses under nginx (E2E_SERVER=nginx).
  // Once per document: a walk through the app's routes keeps its document.
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) await page.evaluate(await source);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
