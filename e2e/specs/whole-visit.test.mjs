// A visitor with a mouse goes from the landing page to advice and training.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { answerAll, LandingPage, QuestionPage, ResultsPage } from '../pages/quiz-pages.mjs';

const app = useApp();

// Strong everywhere, except no governance at all and no idea about capability.
const PLAN = {
  'Governance and joint decisions': 0,
  'Internal alignment, sponsorship and skills': 'not-sure',
};
const DEFAULT_CHOICE = 4;

test('landing, thirty questions, review and results with advice and training', async () => {
  const page = await app.open('/');
  const landing = new LandingPage(page);
  assert.equal(await landing.heading.textContent(), 'How ready is your organisation for alliances?');
  assert.match(await landing.duration.textContent(), /About 8 minutes · 30 questions in 9 areas/);
  await page.getByText('Nothing is sent anywhere').first().waitFor();

  const question = await landing.startQuiz();
  assert.equal(await question.total(), 30);
  const review = await answerAll(page, (dimension) => PLAN[dimension] ?? DEFAULT_CHOICE);
  assert.equal(await review.summary.textContent(), 'You answered 30 of 30 questions.');
  await review.seeResults.click();

  const results = new ResultsPage(page);
  await results.heading.waitFor();
  // Seven dimensions at 100, governance at 0, capability not assessed: 700 / 8 = 87.5, rounded up.
  assert.equal(await results.overallScore.textContent(), '88');
  assert.equal(await results.level.textContent(), 'Embedded');
  const scores = await results.scoresByDimension();
  assert.equal(scores['Governance and joint decisions'], '0');
  assert.equal(scores['Internal alignment, sponsorship and skills'], 'Not assessed');
  assert.equal(scores['Strategic intent and fit'], '100');

  assert.equal(await results.priorities.count(), 3);
  assert.match(await results.priorities.first().textContent(), /^Governance and joint decisions · 0 · Opportunistic/);
  assert.match(await results.notSure.textContent(), /not sure about 4 of 4 Internal alignment, sponsorship and skills questions/);

  const offers = results.training.getByRole('listitem');
  assert.equal(await offers.count(), 1, 'only the masterclass serves governance');
  assert.match(await offers.first().textContent(), /Alliance Masterclass.*Recommended for: Governance and joint decisions/s);
  const link = offers.first().getByRole('link', { name: /Explore the Alliance Masterclass/ });
  assert.match(await link.getAttribute('href'), /^https:\/\/www\.petersimoons\.com\/\?utm_campaign=readiness-results&.*utm_content=masterclass$/);
  assert.equal(await link.getAttribute('target'), '_blank');

  await results.howComputed.getByText('How these scores were computed').click();
  await results.howComputed.getByText('Governance and joint decisions: (0 + 0 + 0 + 0) ÷ 4 = 0').waitFor();
  await results.howComputed.getByText('Overall: mean of the assessed dimensions, (100 + 100 + 100 + 100 + 0 + 100 + 100 + 100) ÷ 8 = 88').waitFor();

  await results.startAgain.click();
  await landing.heading.waitFor();
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
