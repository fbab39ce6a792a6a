// A name is only ever cut between the characters a reader sees: flags,
// skin tones, joined emoji and combining accents stay whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();
const FLAG = '\u{1F1F3}\u{1F1F1}';
const FAMILY = '\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}';

/** The label a share code carries (docs/share-links.md: after the dot, base64url UTF-8). */
function labelOf(link) {
  const code = link.split('#/r/')[1];
  const [, label] = code.split('.');
  return label === undefined ? null : Buffer.from(label, 'base64url').toString('utf8');
}

test('a name with a flag or a joined emoji at the limit is shared whole or without it, never half', async () => {
  // A finished result from answers stored beforehand: the names are what is tested.
  const page = await app.openIn(await app.newContext({ prepare: (c) => seedAnswers(c, () => 3) }), '/#/review');
  const results = await seeResults(page);
  const cases = [
    // 59 + a flag (2 characters) is 61: over the share link's 60, so the flag goes, whole.
    [`${'A'.repeat(59)}${FLAG}`, `${'A'.repeat(59)}${FLAG}`, 'A'.repeat(59)],
    [`${'A'.repeat(58)}${FLAG}`, `${'A'.repeat(58)}${FLAG}`, `${'A'.repeat(58)}${FLAG}`],
    // The result keeps up to 80 characters: the family (5) after 77 does not fit, and goes whole.
    [`${'B'.repeat(77)}${FAMILY}`, 'B'.repeat(77), 'B'.repeat(60)],
    [`Caf${'e\u0301'} ${'x'.repeat(60)}`, `Caf${'e\u0301'} ${'x'.repeat(60)}`, `Caf${'e\u0301'} ${'x'.repeat(54)}`],
  ];
  for (const [typed, kept, shared] of cases) {
    await results.labelField.fill(typed);
    await results.saveLabel.click();
    await page.getByTestId('result-label').filter({ hasText: kept.slice(0, 10) }).waitFor();
    await page.waitForFunction((k) => document.querySelector('[data-testid=result-label]').textContent === k, kept);
    const link = await page.getByTestId('share-link').inputValue();
    assert.equal(labelOf(link), shared, typed);
  }
  assert.deepEqual(page.errors, []);
});
