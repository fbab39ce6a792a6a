// Screenshots of the landing page, a question and the results at 1280 and 375 px,
// in English and in Dutch, and in the dark theme; the first page of the printed
// report (pdftoppm); the widget's first frame before the app starts. For a
// person to look at. Written to screenshots/ (ignored by git). Run with
// `make screenshots` after a build.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { launchChromium } from './support/chromium.mjs';
import { startServer } from './support/server.mjs';
import { hostPage, startHostServer } from './support/host-server.mjs';
import { QuestionPage } from './pages/quiz-pages.mjs';

const OUT = new URL('../screenshots/', import.meta.url).pathname;
await mkdir(OUT, { recursive: true });
const server = await startServer();
const browser = await launchChromium();
try {
  const runs = [
    ...['en', 'nl'].flatMap((language) => [['desktop', 1280], ['phone', 375]].map(([name, width]) => [language, name, width, 'light'])),
    ['en', 'phone-dark', 375, 'dark'],
  ];
  for (const [language, name, width, colorScheme] of runs) {
    {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
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
      if (name === 'desktop') {
        // The printed report, as "Save as PDF" writes it; its first page as an image.
        await writeFile(`${OUT}report-${language}.pdf`, await page.pdf({ format: 'A4', printBackground: true }));
        execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', `${OUT}report-${language}.pdf`, `${OUT}report-${language}-page1`]);
      }
      await context.close();
    }
  }
  // The widget's first frame: the host's page with the app's wasm held back.
  const host = await startHostServer({
    '/': () => hostPage(server.origin, '<div data-alliance-quiz data-accent="#0a7d5a"></div>'),
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.route(/_bg\.wasm$/, () => {});
  const page = await context.newPage();
  await page.goto(host.origin);
  await page.frameLocator('iframe').locator('main h1').waitFor();
  await page.screenshot({ path: `${OUT}widget-first-frame.png`, fullPage: true });
  await context.close();
  await host.close();
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
