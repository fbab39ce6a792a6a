// Lighthouse (npm `lighthouse`, its CLI) on Debian's Chromium, mobile preset
// (the default form factor: simulated slow 4G and 4x CPU), four categories.
// Every run launches its own Chrome, so each is a fresh profile.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './measure.mjs';
import { median } from './stats.mjs';

const CLI = fileURLToPath(new URL('../node_modules/lighthouse/cli/index.js', import.meta.url));
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function runOnce(url) {
  const args = [
    CLI, url, '--output=json', '--output-path=stdout', '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 256 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) { reject(new Error(`lighthouse failed on ${url}: ${error.message}\n${stderr.slice(-2000)}`)); return; }
        try { resolve(JSON.parse(stdout)); } catch (e) { reject(new Error(`lighthouse printed no JSON for ${url}: ${e.message}`)); }
      });
  });
}

/** One run's figures: scores 0 to 100, LCP and TBT in ms, CLS, and the audits that cost points. */
function figures(lhr) {
  const scores = {};
  const lost = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score == null ? null : Math.round(category.score * 100);
    lost[id] = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
  }
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    fcpMs: numeric('first-contentful-paint'),
    lost,
    runtimeError: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings ?? [],
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

/** `runs` Lighthouse runs of `url`; the median of each figure, and every run's figures. */
export async function lighthouse(url, runs) {
  const all = [];
  for (let i = 0; i < runs; i += 1) all.push(figures(await runOnce(url)));
  const med = (pick) => median(all.map(pick).filter((v) => v !== null));
  const lost = [...new Set(all.flatMap((run) => Object.entries(run.lost).flatMap(([c, ids]) => ids.map((id) => `${c}: ${id}`))))];
  return {
    url,
    runs,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, med((run) => run.scores[id])])),
    lcpMs: med((run) => run.lcpMs),
    tbtMs: med((run) => run.tbtMs),
    cls: med((run) => run.cls),
    fcpMs: med((run) => run.fcpMs),
    auditsBelowFullScore: lost,
    runtimeErrors: all.map((run) => run.runtimeError).filter(Boolean),
    warnings: [...new Set(all.flatMap((run) => run.warnings))],
    lighthouseVersion: all[0]?.lighthouseVersion ?? null,
    perRun: all.map(({ scores, lcpMs, tbtMs, cls, fcpMs }) => ({ scores, lcpMs, tbtMs, cls, fcpMs })),
  };
}
