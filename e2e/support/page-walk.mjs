// Every page a visitor can reach, shown one after the other, for checks every
// page must pass: axe in the light theme (accessibility.test.mjs) and the dark
// one (dark-theme-accessibility.test.mjs).
import assert from 'node:assert/strict';
import { seedAnswers } from './answers.mjs';
import { HistoryPage, LandingPage, seeResults } from '../pages/quiz-pages.mjs';

/** The stops of the walk, in order. */
export const PAGES = ['landing', 'question', 'review', 'results', 'history', 'shared result', 'partner view', 'damaged link', 'embed this quiz'];

/** The answers behind the review and the results: every level, and some "Not sure". */
const choose = (dimension, number) => (number % 6 === 0 ? 'not-sure' : number % 5);

/**
 * Shows each page of PAGES up to `last` and awaits `check(name, page)` on it. The landing page
 * and a question are a first visit's; from the review on, a second fresh context whose quiz was
 * answered beforehand (answering is tested elsewhere) goes on to the results with the worked
 * scores open, "Your results", that result's share link, the partner view, a damaged link and
 * "Embed this quiz". `options` go to `app.newContext` (viewport, colorScheme).
 */
export async function walkPages(app, { last = PAGES.at(-1), check, ...options }) {
  const stops = PAGES.slice(0, PAGES.indexOf(last) + 1);
  const first = await app.openIn(await app.newContext(options), '/');
  const landing = new LandingPage(first);
  await landing.heading.waitFor();
  await check('landing', first);
  const question = await landing.startQuiz();
  await question.waitForNumber(1);
  await question.choose(2);
  await check('question', first);
  assert.deepEqual(first.errors, []);
  await first.context().close();
  if (stops.length <= 2) return;

  const page = await app.openIn(await app.newContext({ ...options, prepare: (c) => seedAnswers(c, choose) }), '/#/review');
  await page.getByRole('heading', { level: 1, name: 'Review your answers' }).waitFor();
  await check('review', page);
  let link;
  const steps = {
    results: async () => {
      const results = await seeResults(page);
      await results.howComputed.getByText('How these scores were computed').click();
      link = await page.getByTestId('share-link').inputValue();
    },
    history: () => new HistoryPage(page).open(),
    'shared result': async () => {
      await page.goto(link);
      await page.getByText('Shared with you').waitFor();
    },
    'partner view': async () => {
      await page.getByRole('button', { name: 'Compare with my latest result' }).click();
      await page.getByRole('heading', { level: 1, name: 'Two views of one alliance' }).waitFor();
    },
    'damaged link': async () => {
      await page.goto(`${app.origin}/#/r/damaged`);
      await page.getByRole('heading', { level: 1, name: 'This link is damaged or incomplete' }).waitFor();
    },
    'embed this quiz': async () => {
      await page.goto(`${app.origin}/#/embed`);
      await page.getByRole('heading', { level: 1, name: 'Embed this quiz' }).waitFor();
    },
  };
  for (const name of stops.slice(3)) {
    await steps[name]();
    await check(name, page);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
}
