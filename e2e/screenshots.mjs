// Screenshots of the landing page, a question and the results at 1280 and 375 px,
// in English and in Dutch, for a person to look at. Written to screenshots/
// (ignored by git). Run with `make screenshots` after a build.
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './support/chromium.mjs';
import { startServer } from './support/server.mjs';
import { QuestionPage } from './pages/quiz-pages.mjs';

const OUT = new URL('../screenshots/', import.meta.url).pathname;
await mkdir(OUT, { recursive: true });
const server = await startServer();
const browser = await launchChromium();
try {
  for (const language of ['en', 'nl']) {
    for (const [name, width] of [['desktop', 1280], ['phone', 375]]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const shot = (what) => page.screenshot({ path: `${OUT}${what}-${language}-${name}.png`, fullPage: true });
      await page.goto(`${server.origin}/?lang=${language}`);
      await page.locator(`html[lang=${language}] main h1`).waitFor();
      await shot('landing');
      // By position and role, so one walk serves every language.
      await page.locator('main a.button-primary').click();
      const question = new QuestionPage(page);
      // "Question 1 of 21", "Vraag 1 van 21": the last number.
      const total = Number((await question.progress.textContent()).match(/(\d+)\D*$/)[1]);
      for (let number = 1; number <= total; number += 1) {
        await page.getByTestId('progress-label').filter({ hasText: new RegExp(`\\b${number}\\b`) }).waitFor();
        await question.choose(number % 7 === 0 ? 'not-sure' : (number * 3) % 5);
        if (number === 4) await shot('question');
        await question.form.locator('button[type=submit]').click();
      }
      await page.locator('main .button-primary').click();
      await page.getByTestId('overall-score').waitFor();
      await page.getByTestId('how-computed').locator('summary').click();
      await shot('results');
      await context.close();
    }
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
