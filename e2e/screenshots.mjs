// Screenshots of the landing page, a question and the results at 1280 and 375 px,
// for a person to look at. Written to screenshots/ (ignored by git).
// Run with `make screenshots` after a build.
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './support/chromium.mjs';
import { startServer } from './support/server.mjs';
import { LandingPage, ResultsPage, ReviewPage } from './pages/quiz-pages.mjs';

const OUT = new URL('../screenshots/', import.meta.url).pathname;
await mkdir(OUT, { recursive: true });
const server = await startServer();
const browser = await launchChromium();
try {
  for (const [name, width] of [['desktop', 1280], ['phone', 375]]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const landing = new LandingPage(page);
    await landing.heading.waitFor();
    await page.screenshot({ path: `${OUT}landing-${name}.png`, fullPage: true });
    const question = await landing.startQuiz();
    for (let number = 1; number <= 30; number += 1) {
      await question.waitForNumber(number);
      await question.choose(number % 7 === 0 ? 'not-sure' : (number * 3) % 5);
      if (number === 4) await page.screenshot({ path: `${OUT}question-${name}.png`, fullPage: true });
      await question.next.click();
    }
    await new ReviewPage(page).seeResults.click();
    const results = new ResultsPage(page);
    await results.heading.waitFor();
    await results.howComputed.getByText('How these scores were computed').click();
    await page.screenshot({ path: `${OUT}results-${name}.png`, fullPage: true });
    await context.close();
  }
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
