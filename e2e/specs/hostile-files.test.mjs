// Crafted storage content and crafted import files (docs/security.md): huge,
// deeply nested, wrong types, duplicate keys, numbers out of range, valid JSON
// of the wrong shape, a file of many thousands of attempts. Each is set aside
// or refused with a reason; nothing runs (sentinel `window.__pwned`) and
// nothing already saved is lost.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { fixture, seedStorage, storedEntries } from '../support/storage.mjs';
import { HistoryPage } from '../pages/quiz-pages.mjs';

const app = useApp();
const PWN = '<img src=x onerror="window.__pwned=1">';
const saved = JSON.parse(fixture('attempts.json'));
const attempt = saved.data[0];
const envelope = (data) => JSON.stringify({ schema: 1, data });
const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;

// Stored values, each under the key it breaks; every one is unreadable.
const STORED = {
  'huge progress (past its 64 KiB limit)': ['progress', envelope({ note: 'x'.repeat(70_000) })],
  'deeply nested attempts': ['attempts', `{"schema":1,"data":${deep(5000)}}`],
  'wrong types': ['attempts', envelope([{ ...attempt, answers: 'all of them', scores: 7 }])],
  'duplicate keys, the last of the wrong type': ['settings', '{"schema":1,"data":{"language":"en"},"data":"nl"}'],
  'numbers out of range': ['attempts', envelope([{ ...attempt, completed_at: 1e308, scores: { ...attempt.scores, overall: -1e300 } }])],
  'valid JSON of the wrong shape': ['progress', JSON.stringify({ schema: 1, data: [PWN] })],
};

test('crafted stored values are set aside under quarantine keys, said once, and nothing in them runs', async () => {
  for (const [kind, [key, value]] of Object.entries(STORED)) {
    const context = await app.newContext({ prepare: (c) => seedStorage(c, { [`alliance-quiz:${key}`]: value }) });
    const page = await app.openIn(context, '/');
    await page.getByTestId('storage-notice').filter({ hasText: 'could not be read' }).waitFor();
    const entries = await storedEntries(page);
    const aside = Object.entries(entries).filter(([k]) => k.startsWith(`alliance-quiz:quarantine:${key}:`));
    assert.deepEqual(aside.map(([, v]) => v), [value], `${kind}: kept aside as it was`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, kind);
    await context.close();
  }
});

test('crafted import files are refused with the reason, and the results already saved stay', async () => {
  const context = await app.newContext({ prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': fixture('attempts.json') }) });
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  const before = await storedEntries(page);
  const count = await history.items.count();
  const exported = JSON.parse(fixture('export.json'));
  const many = { ...exported, attempts: Array.from({ length: 5000 }, (_, n) => ({ ...exported.attempts[0], id: `a${n}` })) };
  const files = [
    ['huge.json', `{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`, 'it is larger than'],
    ['deep.json', deep(100_000), 'it is damaged'],
    ['types.json', JSON.stringify({ ...exported, attempts: 'none' }), 'it is damaged'],
    ['duplicate-keys.json', JSON.stringify(exported).replace('"schema":', '"schema": "one", "schema":').replace(/"attempts":/, '"attempts": [], "attempts": 5, "x":'), 'it is damaged'],
    ['range.json', JSON.stringify({ ...exported, schema: 1e308 }), 'exported by a newer version'],
    ['shape.json', JSON.stringify([PWN, { format: PWN }]), 'it is not an export of this quiz'],
    ['many.json', JSON.stringify(many), 'more than 1,000 results'],
  ];
  for (const [name, contents, reason] of files) {
    // A fresh page each time: the same message twice must not pass unseen.
    await page.reload();
    await history.heading.waitFor();
    const file = join(tmpdir(), `${process.pid}-hostile-${name}`);
    await writeFile(file, contents);
    await history.importFile.setInputFiles(file);
    const status = history.status.filter({ hasText: 'This file could not be imported' });
    await status.filter({ hasText: reason }).waitFor();
  }
  assert.equal(await history.items.count(), count, 'nothing imported, nothing lost');
  assert.deepEqual(await storedEntries(page), before);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
