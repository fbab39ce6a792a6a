// "Print or save as PDF": a result (own, or shared from a link) and a partner
// comparison print as a report of at most two A4 pages, with the level, every
// dimension, the priorities whole, the links written out and no controls, in
// light colours whatever the screen theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { ResultsPage } from '../pages/quiz-pages.mjs';
import { printToPdf, squeezed } from '../support/pdf.mjs';
import { MIXED_V2, shareCode } from '../support/share-codes.mjs';

const app = useApp();
// 30 November 2026, days since 1970.
const DAY = 20787;
const OURS = shareCode({ version: 2, answers: MIXED_V2, day: DAY, label: 'Partner X, 2026' });
const THEIRS = shareCode({ version: 2, answers: [...MIXED_V2].reverse().map((v) => (v === 6 ? 4 : v)), day: DAY - 3, label: 'Partner Y' });

/** What is on screen: the controls' texts, and the dimension names from the table. */
async function onScreen(page) {
  return page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0;
    const controls = [...document.querySelectorAll('button, .button, nav a, select option, .site-footer')]
      .filter((e) => !e.closest('.offer') && (visible(e) || e.tagName === 'OPTION'))
      .map((e) => e.textContent.trim())
      .filter(Boolean);
    const dimensions = [...document.querySelectorAll('table tbody th')].map((e) => e.textContent.trim());
    return { controls: [...new Set(controls)], dimensions };
  });
}

/** The report's checks: pages, level, dimensions, no control, the link, priorities whole. */
async function assertReport(page, name, { level, link }) {
  const { controls, dimensions } = await onScreen(page);
  assert.equal(dimensions.length, 9, 'nine dimensions on screen');
  const pdf = await printToPdf(page, name);
  assert.ok(pdf.pages >= 1 && pdf.pages <= 2, `${name}: ${pdf.pages} pages`);
  if (level) assert.ok(pdf.text.includes(level), `${name}: the level ${level}`);
  for (const dimension of dimensions) assert.ok(pdf.text.includes(dimension), `${name}: ${dimension}`);
  for (const control of controls) assert.ok(!pdf.text.includes(control), `${name}: the control "${control}" is printed`);
  assert.ok(squeezed(pdf.text).includes(link), `${name}: the link ${link} written out`);
  // A priority starts and ends on the same page.
  const priorities = await page.locator('.priority').evaluateAll((items) => items.map((li) => ({
    first: li.querySelector('h3').textContent.split('·')[0].trim(),
    last: [...li.querySelectorAll('p, li')].at(-1).textContent.trim().slice(0, 40),
  })));
  const pages = Array.from({ length: pdf.pages }, (_, i) => squeezed(pdf.pageText(i + 1)));
  for (const { first, last } of priorities) {
    const at = pages.findIndex((p) => p.includes(squeezed(first)) && p.includes(squeezed(last)));
    assert.ok(at >= 0, `${name}: the priority "${first}" is split across pages`);
  }
  // Every table row on one page: its name and its score together.
  const rows = (await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent))).map(squeezed);
  for (const row of rows) assert.ok(pages.some((p) => p.includes(row)), `${name}: a row split: ${row}`);
  const png = readFileSync(pdf.png(1));
  assert.ok(png.length > 20_000, `${name}: the first page as PNG has content (${png.length} bytes)`);
  return pdf;
}

test('my result prints as a report of one or two pages, from the Print button', async () => {
  const context = await app.newContext();
  await context.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  const page = await app.openIn(context, `/#/r/${OURS}`);
  await page.getByRole('button', { name: 'Save to my history' }).click();
  await page.getByText('Saved to your history.').waitFor();
  await page.goto(page.url().replace(/#.*/, '#/results'));
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1, 'the button opens the print dialog');
  const level = (await results.level.textContent()).trim();
  const link = await page.getByTestId('share-link').inputValue();
  const completed = (await page.locator('.results-meta').textContent()).split('·').at(-1).trim();
  const pdf = await assertReport(page, 'result', { level, link });
  assert.ok(pdf.text.includes('Partner X, 2026'), 'the label');
  assert.ok(pdf.text.includes(completed), `the date: ${completed}`);
  assert.ok(/Not sure|not sure/.test(pdf.text), 'the "not sure" findings');
  // Training, its address written out.
  const training = await page.locator('.offer a').first().getAttribute('href');
  assert.ok(squeezed(pdf.text).includes(squeezed(training)), 'the training link written out');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a shared result opened from a link prints the same way', async () => {
  const page = await app.open(`/#/r/${OURS}`);
  await page.getByTestId('shared-result').waitFor();
  const level = (await page.getByTestId('overall-level').textContent()).trim();
  const pdf = await assertReport(page, 'shared', { level, link: `${page.url().replace(/#.*/, '')}#/r/${OURS}` });
  assert.ok(!pdf.text.includes('Compare with your partner'), 'no comparison form on paper');
  assert.deepEqual(page.errors, []);
});

test('the partner comparison prints with both results and its link', async () => {
  const page = await app.open(`/#/compare/${OURS}/${THEIRS}`);
  await page.getByTestId('partner-compare').waitFor();
  const link = await page.getByTestId('compare-link').inputValue();
  const pdf = await assertReport(page, 'compare', { link });
  assert.ok(pdf.text.includes('Partner X, 2026') && pdf.text.includes('Partner Y'), 'both partners');
  assert.deepEqual(page.errors, []);
});

test('a dark screen still prints light', async () => {
  const page = await app.open(`/?embed=1&id=1&theme=dark#/r/${OURS}`);
  await page.getByTestId('shared-result').waitFor();
  const colours = () => page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  assert.equal((await colours())[0], 'rgb(17, 23, 30)', 'dark on screen');
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await colours(), ['rgb(255, 255, 255)', 'rgb(27, 36, 48)']);
  assert.deepEqual(page.errors, []);
});
