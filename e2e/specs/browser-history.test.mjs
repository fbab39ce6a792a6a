// The browser's Back and Forward buttons walk the questions like the quiz's own buttons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { LandingPage, QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();

test('Back and Forward move between questions and keep the answers', async () => {
  const page = await app.open('/');
  const landing = new LandingPage(page);
  const question = await landing.startQuiz();
  await question.waitForNumber(1);
  await question.choose(3);
  await question.next.click();
  await question.waitForNumber(2);
  // The address follows once the question is painted (src/after_paint.rs).
  await page.waitForURL(/#\/q\/2$/);

  await page.goBack();
  await question.waitForNumber(1);
  assert.match(page.url(), /#\/q\/1$/);
  assert.equal(await question.options.nth(3).isChecked(), true, 'the answer is still chosen');

  await page.goForward();
  await question.waitForNumber(2);

  await page.goBack();
  await page.goBack();
  await landing.heading.filter({ hasText: 'How well does your organisation run its alliances?' }).waitFor();

  // A reload after Back resumes where the visitor went back to.
  await page.goForward();
  await question.waitForNumber(1);
  await page.reload();
  await question.waitForNumber(1);
  assert.equal(await question.options.nth(3).isChecked(), true);
  assert.deepEqual(page.errors, []);
});
