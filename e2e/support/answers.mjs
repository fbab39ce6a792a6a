// A quiz answered without the clicks: the answers stored as the app stores
// its progress (docs/storage.md), for tests about what follows answering
// (results, sharing, storage, frames). Answering itself is tested through
// the page in whole-visit, keyboard-only, dutch and progress-and-history.
import { readFileSync } from 'node:fs';
import { seedStorage } from './storage.mjs';

const content = (name) => readFileSync(new URL(`../../content/${name}`, import.meta.url), 'utf8');

/** The current content version and its question ids in quiz order (the last entry of releases.toml). */
const release = content('releases.toml').split('[[releases]]').at(-1);
export const VERSION = Number(release.match(/version\s*=\s*(\d+)/)[1]);
export const QUESTIONS = [...release.matchAll(/"([a-z-]+\.[a-z-]+)"/g)].map((m) => m[1]);

/** Dimension id to its English name, as the question page shows it. */
const DIMENSIONS = Object.fromEntries([...content('en.toml').matchAll(/\[\[dimensions\]\]\s*\nid = "([^"]+)"\s*\nname = "([^"]+)"/g)]
  .map(([, id, name]) => [id, name]));

const OPTIONS = ['a', 'b', 'c', 'd', 'e'];
/** When the seeded quiz was started: before the clock of any test that fixes one (dutch.test.mjs). */
const STARTED = Date.parse('2026-11-29T12:00:00Z');

/**
 * The stored progress of a quiz with every question answered by `choose(dimension name,
 * number)`, which returns what `answerAll` takes: 0-4 (weakest first) or 'not-sure'.
 */
export function progressAnswering(choose) {
  const answers = {};
  QUESTIONS.forEach((id, index) => {
    const dimension = DIMENSIONS[id.split('.')[0]];
    if (!dimension) throw new Error(`answers.mjs: no dimension named for ${id} in content/en.toml`);
    const choice = choose(dimension, index + 1);
    answers[id] = choice === 'not-sure' ? 'not-sure' : OPTIONS[choice];
  });
  return JSON.stringify({
    schema: 1,
    data: { content_version: VERSION, answers, position: QUESTIONS.length, started_at: STARTED },
  });
}

/**
 * Seeds `context` (each new tab of it) with every question answered by `choose`, and
 * `entries` ({ key: value }) stored with them, before the app starts. (One seedStorage
 * per context: a second one would see the first one's mark and write nothing.)
 */
export async function seedAnswers(context, choose, entries = {}) {
  await seedStorage(context, { ...entries, 'alliance-quiz:progress': progressAnswering(choose) });
}
