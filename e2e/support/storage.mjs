// Init scripts that put localStorage into each fault state before the app starts.
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../core/tests/fixtures/storage/schema-1/', import.meta.url);

/** A released schema's fixture, as the app would have written it. */
export function fixture(name) {
  return readFileSync(new URL(name, FIXTURES), 'utf8').trim();
}

/** Writes `entries` ({ key: value }) once per browser context, before the app runs. */
export async function seedStorage(context, entries) {
  await context.addInitScript((values) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, entries);
}

/** localStorage throws on access, as in a sandboxed or third-party iframe with storage blocked. */
export async function blockStorage(context) {
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
}

/** Every write fails as if storage were full; reads still work. */
export async function fillStorage(context) {
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

/** Reads and writes work; every removal throws (an extension or policy that blocks removeItem). */
export async function refuseRemovals(context) {
  await context.addInitScript(() => {
    Storage.prototype.removeItem = function removeItem() {
      throw new DOMException('Removing is not allowed here.', 'SecurityError');
    };
  });
}

/** localStorage's own keys and values that belong to the quiz. */
export async function storedEntries(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('alliance-quiz:')).map((k) => [k, localStorage.getItem(k)]),
  ));
}
