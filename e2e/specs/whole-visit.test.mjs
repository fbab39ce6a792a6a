// A visitor with a mouse goes from the landing page to advice and training,
// and the results say sensible things at the edges a professional checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { until, useApp } from '../support/browser.mjs';
import { DIST } from '../support/server.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { answerAll, LandingPage, QuestionPage, ResultsPage, seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();
const GOVERNANCE = 'Governance and joint decisions';
const CAPABILITY = 'Internal alignment, mandate and skills';

/**
 * The results of every question answered by `choose(dimension, number)`: the
 * answers stored beforehand, the results opened from the review (the first
 * test answers through the page).
 */
async function visit(choose) {
  const context = await app.newContext({ prepare: (c) => seedAnswers(c, choose) });
  const page = await app.openIn(context, '/#/review');
  return { page, results: await seeResults(page) };
}

test('landing, the questions, review and results with advice, first steps and training', async () => {
  const page = await app.open('/');
  // The results part (src/parts.rs) is fetched while the visitor answers.
  const fetched = [];
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname.slice(1)));
  const resultsPart = JSON.parse(readFileSync(join(DIST, 'split-manifest.json'), 'utf8')).parts.results;
  const landing = new LandingPage(page);
  assert.equal(await landing.heading.textContent(), 'How well does your organisation run its alliances?');
  assert.match(await landing.duration.textContent(), /About 10 minutes · 21 questions in 9 areas/);
  await page.getByText("Answer for your organisation's way of running alliances").first().waitFor();

  const question = await landing.startQuiz();
  assert.equal(await question.total(), 21);
  // Strong everywhere, except no governance at all and no idea about capability.
  const plan = { [GOVERNANCE]: 0, [CAPABILITY]: 'not-sure' };
  const review = await answerAll(page, (dimension) => plan[dimension] ?? 4);
  assert.equal(await review.summary.textContent(), 'You answered 21 of 21 questions.');
  await until('the results part, prefetched', () => resultsPart.every((file) => fetched.includes(file)));
  const before = fetched.length;
  await review.seeResults.click();

  const results = new ResultsPage(page);
  await results.heading.waitFor();
  assert.deepEqual(fetched.slice(before).filter((file) => file.endsWith('.wasm')), [], 'finishing fetches no code');
  // Seven dimensions at 100, governance at 0, capability not assessed: 700 / 8 = 87.5.
  assert.equal(await results.overallScore.textContent(), '88');
  assert.equal(await results.level.textContent(), 'Developing', 'at most one level above the weakest');
  await page.getByTestId('level-cap').filter({ hasText: `would reach Embedded, but the weakest dimension, ${GOVERNANCE}, is at Opportunistic` }).waitFor();
  const scores = await results.scoresByDimension();
  assert.equal(scores[GOVERNANCE], '0');
  assert.equal(scores[CAPABILITY], 'Not assessed');
  assert.equal(scores['Strategic intent and fit'], '100');

  assert.equal(await results.priorities.count(), 2, 'only what is below the top level, and what nobody knows');
  assert.match(await results.priorities.first().textContent(), new RegExp(`^${GOVERNANCE} · 0 · Opportunistic`));
  await results.priorities.first().getByTestId('first-step')
    .filter({ hasText: 'Your first step: from “With no agreed rules, disagreements linger or go straight to the top.” to “The contract covers a few decisions' }).waitFor();
  assert.match(await results.priorities.nth(1).textContent(), /Internal alignment, mandate and skills · Not assessed.*nobody owns it.*Ask the people who run your alliances/s);
  assert.match(await results.notSure.textContent(), /not sure about 3 of 3 Internal alignment, mandate and skills questions/);
  assert.equal(await page.getByTestId('strengths').getByRole('listitem').count(), 2);

  const offers = results.training.getByRole('listitem');
  assert.equal(await offers.count(), 1, 'only the masterclass serves governance');
  assert.match(await offers.first().textContent(), /Alliance Masterclass.*Recommended for: Governance and joint decisions/s);
  const link = offers.first().getByRole('link', { name: /Explore the Alliance Masterclass/ });
  assert.match(await link.getAttribute('href'), /^https:\/\/www\.petersimoons\.com\/\?utm_campaign=readiness-results&.*utm_content=masterclass$/);
  // The link is tagged, so the page says what it tells the training's site.
  await results.training.getByTestId('link-note').filter({ hasText: 'nothing about your answers goes with them' }).waitFor();
  assert.equal(await link.getAttribute('target'), '_blank');

  await results.howComputed.getByText('How these scores were computed').click();
  await results.howComputed.getByText('Governance and joint decisions: (0 + 0 + 0) ÷ 3 = 0').waitFor();
  await results.howComputed.getByText('Overall: mean of the assessed dimensions, (100 + 100 + 100 + 100 + 0 + 100 + 100 + 100) ÷ 8 = 88').waitFor();
  await results.howComputed.getByText('Ties are broken by the order of the dimensions in the quiz.', { exact: false }).waitFor();

  await results.startAgain.click();
  await landing.heading.waitFor();
  assert.deepEqual(page.errors, []);
});

test('all weakest answers: no strengths, three priorities with first steps', async () => {
  const { page, results } = await visit(() => 0);
  assert.equal(await results.overallScore.textContent(), '0');
  assert.equal(await page.getByTestId('strengths').count(), 0, 'nothing scored 0 is called a strength');
  assert.equal(await results.priorities.count(), 3);
  assert.equal(await page.getByTestId('first-step').count(), 3);
  assert.equal(await results.training.getByRole('listitem').count(), 2, 'both offers serve weak foundations');
  assert.deepEqual(page.errors, []);
});

test('all strongest answers: no priorities, what keeps the level, and only a quiet training link', async () => {
  const { page, results } = await visit(() => 4);
  assert.equal(await results.level.textContent(), 'Embedded');
  assert.equal(await page.getByTestId('priorities').count(), 0, 'nothing at 100 is called a priority');
  await page.getByTestId('keep-level').getByText('What keeps you at this level').waitFor();
  assert.equal(await page.getByTestId('keep-level').locator('> ul > li').count(), 2);
  assert.equal(await results.training.getByRole('listitem').count(), 0, 'no offer fits');
  await results.training.getByRole('link', { name: /Learn more about alliance management training/ }).waitFor();
  await results.training.getByTestId('link-note').waitFor();
  assert.deepEqual(page.errors, []);
});

test('mostly “Not sure”: provisional scores, no provisional strengths, and finding out first', async () => {
  // The first question of each dimension answered at the top, the rest "Not sure".
  let last = '';
  const { page, results } = await visit((dimension) => {
    const first = dimension !== last;
    last = dimension;
    return first ? 4 : 'not-sure';
  });
  const table = await results.table.textContent();
  assert.match(table, /100 \(provisional\)/, 'one of three scored is provisional');
  const strengths = page.getByTestId('strengths');
  if (await strengths.count()) {
    for (const name of ['Trust and cultural alignment', GOVERNANCE, CAPABILITY]) {
      assert.equal(await strengths.getByText(name).count(), 0, `${name} rests on one answer`);
    }
  }
  assert.match(await results.notSure.textContent(), /not sure about 2 of 3 Trust and cultural alignment questions/);
  assert.deepEqual(page.errors, []);
});

test('one dimension at zero among the strongest: priorities name it and the level is held', async () => {
  const { page, results } = await visit((dimension) => (dimension === 'Evolution and exit' ? 0 : 4));
  assert.equal(await results.level.textContent(), 'Developing');
  assert.equal(await results.priorities.count(), 1);
  assert.match(await results.priorities.first().textContent(), /^Evolution and exit · 0 · Opportunistic/);
  assert.deepEqual(page.errors, []);
});

test('answers can be changed by going back', async () => {
  const page = await app.open('/#/q/1');
  const form = new QuestionPage(page);
  await form.waitForNumber(1);
  await form.choose(1);
  await form.next.click();
  await form.waitForNumber(2);
  await form.back.click();
  await form.waitForNumber(1);
  assert.equal(await form.options.nth(1).isChecked(), true);
  await form.choose(3);
  assert.equal(await form.options.nth(3).isChecked(), true);
  assert.equal(await form.options.nth(1).isChecked(), false);
  assert.deepEqual(page.errors, []);
});

test('a question shows what its terms mean', async () => {
  const page = await app.open('/#/q/12');
  const form = new QuestionPage(page);
  await form.waitForNumber(12);
  assert.equal(await form.questionId(), 'governance.sponsors');
  await page.getByTestId('glossary').getByText('A senior leader who champions the alliance internally').waitFor();
  assert.deepEqual(page.errors, []);
});
