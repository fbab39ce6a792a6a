// Page objects: what a visitor sees and does, located by role or test id.

export class LandingPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.start = page.getByRole('link', { name: 'Start the assessment' });
    this.duration = page.getByTestId('duration');
    this.skipLink = page.getByRole('link', { name: 'Skip to content' });
    this.resume = page.getByTestId('resume');
  }

  async startQuiz() {
    await this.start.click();
    return new QuestionPage(this.page);
  }
}

export class QuestionPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('question');
    this.prompt = this.form.getByRole('heading', { level: 1 });
    this.progress = page.getByTestId('progress-label');
    this.dimension = page.getByTestId('question-dimension');
    this.options = this.form.getByRole('radio');
    this.next = this.form.getByRole('button', { name: /^(Next|Review answers)$/ });
    this.back = this.form.getByRole('button', { name: 'Back' });
  }

  async questionId() {
    return this.form.getAttribute('data-question-id');
  }

  async waitForNumber(number) {
    await this.progress.filter({ hasText: new RegExp(`^\\s*Question ${number} of \\d+\\s*$`) }).waitFor();
  }

  /** `choice` is 0 to 4 for the anchored options, 'not-sure' for Not sure. */
  async choose(choice) {
    const index = choice === 'not-sure' ? 5 : choice;
    await this.options.nth(index).check();
  }

  async total() {
    const text = await this.progress.textContent();
    return Number(text.match(/of (\d+)/)[1]);
  }
}

export class ReviewPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Review your answers' });
    this.summary = page.getByTestId('review-summary');
    this.openQuestions = page.getByTestId('open-questions').getByRole('link');
    this.seeResults = page.getByRole('button', { name: 'See my results' });
  }
}

export class ResultsPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Your alliance readiness' });
    this.overallScore = page.getByTestId('overall-score');
    this.level = page.getByTestId('overall-level');
    this.table = page.getByTestId('score-table');
    this.priorities = page.getByTestId('priorities').locator('ol > li');
    this.notSure = page.getByTestId('not-sure');
    this.training = page.getByTestId('training');
    this.howComputed = page.getByTestId('how-computed');
    this.startAgain = page.getByRole('button', { name: 'Start again' });
    this.labelField = page.getByLabel('Name this result (optional)');
    this.saveLabel = page.getByRole('button', { name: 'Save name' });
    this.compareWith = page.getByTestId('compare-with');
    this.overallChange = page.getByTestId('overall-change');
  }

  /** { dimension name: change text } when comparing with an earlier result. */
  async changesByDimension() {
    const rows = await this.table.locator('tbody tr').all();
    const changes = {};
    for (const row of rows) {
      changes[(await row.locator('th').textContent()).trim()] = (await row.getByTestId('dimension-change').textContent()).trim();
    }
    return changes;
  }

  /** { dimension name: score text } from the accessible table. */
  async scoresByDimension() {
    const rows = await this.table.locator('tbody tr').all();
    const scores = {};
    for (const row of rows) {
      scores[(await row.locator('th').textContent()).trim()] = (await row.getByTestId('dimension-score').textContent()).trim();
    }
    return scores;
  }
}

export class HistoryPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Your results' });
    this.items = page.getByTestId('history-item');
    this.empty = page.getByTestId('history-empty');
    this.undo = page.getByRole('button', { name: 'Undo' });
    this.deleteAll = page.getByRole('button', { name: 'Delete all results' });
    this.confirmDeleteAll = page.getByRole('button', { name: 'Yes, delete all' });
    this.exportButton = page.getByRole('button', { name: 'Download my data (JSON)' });
    this.importFile = page.getByTestId('import-file');
    this.status = page.getByTestId('data-status');
    this.deleteEverything = page.getByRole('button', { name: 'Delete everything' });
  }

  async open() {
    await this.page.getByRole('link', { name: 'Your results' }).first().click();
    await this.heading.waitFor();
  }

  item(index) {
    const item = this.items.nth(index);
    return {
      title: item.locator('.history-title'),
      score: item.getByTestId('history-score'),
      open: item.getByRole('link', { name: 'Open' }),
      delete: item.getByRole('button', { name: 'Delete' }),
    };
  }
}

/** Answers every question: `choose(dimensionName, number)` returns 0-4 or 'not-sure'. */
export async function answerAll(page, choose) {
  const question = new QuestionPage(page);
  const total = await question.total();
  for (let number = 1; number <= total; number += 1) {
    await question.waitForNumber(number);
    const dimension = (await question.dimension.textContent()).trim();
    await question.choose(choose(dimension, number));
    await question.next.click();
  }
  const review = new ReviewPage(page);
  await review.heading.waitFor();
  return review;
}

/**
 * Answers every question with the key `key` ('1' to '5', or '0' for Not sure)
 * and Enter, in `page` (a page, a frame or a frame locator; `keyboard` is then
 * its top page's): the visitor's own answers where a test needs them given in
 * this page (a widget's events, storage that cannot be seeded) but is not
 * about how. Three times faster than answerAll; resolves to the review.
 */
export async function answerAllByKeys(page, key, keyboard = page.keyboard) {
  const question = new QuestionPage(page);
  const total = await question.total();
  // Focus in the page or frame; the keys act wherever it is on a question page.
  await question.progress.click();
  for (let number = 1; number <= total; number += 1) {
    await question.waitForNumber(number);
    await keyboard.press(key);
    await keyboard.press('Enter');
  }
  const review = new ReviewPage(page);
  await review.summary.filter({ hasText: `You answered ${total} of ${total} questions.` }).waitFor();
  return review;
}

/**
 * "See my results" on the review of a quiz answered beforehand (seedAnswers in
 * support/answers.mjs), in a page or a frame; resolves to the results page.
 */
export async function seeResults(page) {
  await new ReviewPage(page).seeResults.click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  return results;
}

export class EmbedQuizPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Embed this quiz' });
    this.language = page.getByRole('main').getByLabel('Language', { exact: true });
    this.theme = page.getByLabel('Theme', { exact: true });
    this.accent = page.getByLabel('Accent colour (optional)');
    this.compact = page.getByLabel('Compact layout');
    this.startScreen = page.getByLabel(/^Show the start screen/);
    this.shareBase = page.getByLabel('Share links point to (optional)');
    this.frameTitle = page.getByLabel('Frame title (for screen readers)');
    this.code = page.getByTestId('embed-code');
    this.copy = page.getByRole('button', { name: 'Copy code' });
    this.status = page.getByTestId('embed-status');
    this.preview = page.getByTestId('embed-preview');
  }

  /** Types into a text option and leaves it, which applies it. */
  async fill(field, value) {
    await field.fill(value);
    await field.press('Tab');
  }
}
