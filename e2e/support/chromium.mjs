// Debian's Chromium, driven by playwright-core (no browser download): one
// launch for the e2e suite and the scripts that drive the release build.
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** A headless Chromium with the flags every run here uses. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
