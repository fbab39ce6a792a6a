// The answer keys act once per physical press, wherever focus is on the
// question page, on every keyboard layout, in the page and in the widget.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();
let host;
before(async () => {
  host = await startHostServer({ '/widget': () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz></div>') });
});
after(async () => { await host?.close(); });

test('holding Enter goes on one question, not two', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  await page.keyboard.press('3');
  // Two keydowns without a keyup: the second is the key's auto-repeat.
  await page.keyboard.down('Enter');
  await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await question.waitForNumber(2);
  await page.keyboard.press('2');
  assert.equal(await question.options.nth(1).isChecked(), true, 'the keys still work on question 2');
  assert.equal((await question.progress.textContent()).trim(), 'Question 2 of 21');
  assert.deepEqual(page.errors, []);
});

test('after a click on plain text, the keys still choose and go on', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  for (const text of [page.locator('.keys-hint'), question.progress, question.dimension]) {
    await text.click();
    await page.keyboard.press('3');
    assert.equal(await question.options.nth(2).isChecked(), true);
    await page.keyboard.press('1');
    assert.equal(await question.options.nth(0).isChecked(), true);
  }
  await page.keyboard.press('Enter');
  await question.waitForNumber(2);
  assert.deepEqual(page.errors, []);
});

test('a Belgian or French keyboard (AZERTY) answers by the physical key', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  // AZERTY without Shift: the 1 to 5 keys type & é " ' ( and 0 types à.
  const press = (key, code) => page.evaluate(([k, c]) => {
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true }));
  }, [key, code]);
  const cases = [['&', 'Digit1', 0], ['é', 'Digit2', 1], ['"', 'Digit3', 2], ["'", 'Digit4', 3], ['(', 'Digit5', 4], ['à', 'Digit0', 5]];
  for (const [key, code, option] of cases) {
    await press(key, code);
    await page.waitForFunction((i) => document.querySelectorAll('input[type=radio]')[i].checked, option);
  }
  await page.keyboard.press('Numpad2');
  assert.equal(await question.options.nth(1).isChecked(), true, 'the number pad works too');
  assert.deepEqual(page.errors, []);
});

test('keys with Ctrl, Alt or Meta held are left to the browser', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  for (const modifier of ['Control', 'Alt', 'Meta']) {
    await page.keyboard.down(modifier);
    await page.keyboard.press('4');
    await page.keyboard.up(modifier);
  }
  assert.equal(await question.options.nth(3).isChecked(), false);
  assert.deepEqual(page.errors, []);
});

test('in the widget, once the frame has focus, the keys work wherever the click was', async () => {
  const page = await app.open(`${host.origin}/widget`);
  const quiz = page.frameLocator('#quiz iframe');
  await quiz.getByRole('link', { name: 'Start the assessment' }).click();
  const question = new QuestionPage(quiz);
  await question.waitForNumber(1);
  await quiz.locator('.keys-hint').click();
  await page.keyboard.press('5');
  assert.equal(await question.options.nth(4).isChecked(), true);
  await page.keyboard.press('Enter');
  await question.waitForNumber(2);
  assert.deepEqual(page.errors, []);
});
