#!/usr/bin/env node
// `make bench` (issue 7, docs/benchmark.md): serves the release build and the
// two baselines (the static floor, the SurveyJS peer) on one loopback server,
// measures them in Debian's Chromium, runs Lighthouse, reads the criterion
// micro-benchmark, prints a table with the budgets and writes
// bench/results/latest.json.
//
//   node bench/run.mjs [--dist DIR] [--out FILE]
//   BENCH_RUNS=15                    fresh browser contexts per figure (3 for a smoke run)
//   BENCH_LIGHTHOUSE_RUNS=5          Lighthouse runs for the app (0 skips Lighthouse)
//   BENCH_LIGHTHOUSE_BASELINE_RUNS=1 Lighthouse runs for each baseline
//   BENCH_CRITERION_DIR=target/bench-share-decode/criterion
import { execFileSync } from 'node:child_process';
import { readFile, rename, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstVisitFiles, distInventory, total } from './support/bytes.mjs';
import { loadQuiz, surveyJson } from './support/content.mjs';
import { lighthouse } from './support/lighthouse.mjs';
import {
  answerQuestions, finishAppQuiz, freshPage, launchBrowser, memoryNow, openShareLinkInPage, readStartup,
  watchTransfer,
} from './support/measure.mjs';
import { budgets, ratio, render } from './support/report.mjs';
import { floorQuestions, installFloorAnswering } from './fixtures/floor/answering.mjs';
import { quantile, summary } from './support/stats.mjs';
import { startAllPages } from './support/server.mjs';
import { widgetFirstPaint } from './widget-paint.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}
function count(name, fallback, min) {
  const value = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return value;
}

const DIST = resolve(option('--dist', join(ROOT, 'dist')));
const OUT = resolve(option('--out', join(BENCH, 'results/latest.json')));
const RUNS = count('BENCH_RUNS', 15, 1);
const LH_RUNS = count('BENCH_LIGHTHOUSE_RUNS', 5, 0);
const LH_BASELINE_RUNS = count('BENCH_LIGHTHOUSE_BASELINE_RUNS', 1, 0);
/**
 * SurveyJS at 4x CPU takes ~14 s per context, a third of the run: its answer
 * latency at 4x (a ratio, not a budget) only with BENCH_PEER_LATENCY_4X=1.
 * Its throttled start-up is always measured.
 */
const PEER_LATENCY_4X = process.env.BENCH_PEER_LATENCY_4X === '1';
const CRITERION = resolve(process.env.BENCH_CRITERION_DIR ?? join(ROOT, 'target/bench-share-decode/criterion'));

const started = Date.now();
const LOAD_AT_START = Number(os.loadavg()[0].toFixed(2));
const log = (text) => process.stderr.write(`bench [${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
const warnings = [];
const errors = [];

const TARGETS = [
  { name: 'app', entry: '/', startPath: '/#/q/1', mark: true, quiz: 'app' },
  // The floor has no script; for answer latency the harness adds one (fixtures/floor/answering.mjs).
  { name: 'floor', entry: '/bench/floor/', startPath: '/bench/floor/', mark: false, quiz: 'floor' },
  { name: 'surveyjs', entry: '/bench/surveyjs/', startPath: '/bench/surveyjs/', mark: true, quiz: 'surveyjs' },
];
const MODES = [
  { name: 'unthrottled', throttle: null, timeoutMs: 20_000 },
  { name: 'throttled', throttle: 'cpu+network', timeoutMs: 45_000 },
];
/** No network throttling: set after start-up so the quiz runs at 4x CPU alone. */
const NO_NETWORK_THROTTLING = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

function git(...args) {
  try { return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
}

async function machine(browser) {
  let osName = `${os.type()} ${os.release()}`;
  const release = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = release.match(/^PRETTY_NAME="?([^"\n]*)"?/m);
  if (pretty) osName = `${pretty[1]} (${osName})`;
  const versionOf = async (pkg) => JSON.parse(await readFile(join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    // Other work on the machine slows every timing: the 1-minute load average.
    loadAverage: { atStart: LOAD_AT_START, atEnd: Number(os.loadavg()[0].toFixed(2)) },
    os: osName,
    chromium: `Chromium ${browser.version()}`,
    node: process.version,
    playwrightCore: await versionOf('playwright-core'),
    lighthouse: await versionOf('lighthouse'),
    surveyCore: await versionOf('survey-core'),
    surveyJsUi: await versionOf('survey-js-ui'),
  };
}

/** The floor is hand-written: warn when content/ has moved on from what it shows. */
async function checkFloor(quiz) {
  const html = await readFile(join(BENCH, 'fixtures/floor/index.html'), 'utf8');
  const text = html.replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const first = quiz.questions[0];
  const expected = [first.dimension, first.prompt, first.help, ...first.options.map((o) => o.text), quiz.ui.not_sure, quiz.ui.next,
    `Question 1 of ${quiz.questions.length}`, `data-question-id="${first.id}"`].filter(Boolean);
  const missing = expected.filter((t) => !text.includes(t));
  if (missing.length) warnings.push(`bench/fixtures/floor/index.html no longer shows question 1 of content/ (missing: ${missing.map((t) => JSON.stringify(t)).join(', ')})`);
  return missing.length === 0;
}

async function bytes(server) {
  const result = {};
  const found = await Promise.all(TARGETS.map((target) => firstVisitFiles(target.entry, server.lookup)));
  for (const [index, target] of TARGETS.entries()) {
    const { files, missing, unresolved } = found[index];
    if (missing.length) warnings.push(`${target.name}: referenced but not served: ${missing.join(', ')}`);
    result[target.name] = { files, total: total(files), unresolvedScriptReferences: unresolved };
  }
  const firstVisit = new Set(result.app.files.map((f) => f.url));
  const inventory = await distInventory(DIST, firstVisit);
  result.appNotOnFirstVisit = inventory.filter((f) => !f.firstVisit).map(({ url, raw, gzip, brotli }) => ({ url, raw, gzip, brotli }));
  result.distSiblings = inventory.map(({ url, siblings }) => ({ url, ...siblings }));
  const noSibling = inventory.filter((f) => !f.siblings.br || !f.siblings.gz).map((f) => f.url);
  const stale = inventory.filter((f) => f.siblings.br?.fresh === false || f.siblings.gz?.fresh === false).map((f) => f.url);
  if (noSibling.length) warnings.push(`dist/ has no .br/.gz sibling for ${noSibling.join(', ')}: the bench server compressed those itself`);
  if (stale.length) warnings.push(`dist/ has STALE .br/.gz siblings (they do not decompress to the file) for ${stale.join(', ')}`);
  return result;
}

/** The first-visit transfer of one page, from the files `watchTransfer` saw. */
function transferFigures(target, files) {
  const odd = files.filter((f) => f.status !== 200);
  if (odd.length) warnings.push(`${target.name} first visit: ${odd.map((f) => `${f.url} ${f.status}`).join(', ')}`);
  return {
    responses: files.length,
    encodings: [...new Set(files.map((f) => f.encoding ?? 'none'))],
    body: files.reduce((s, f) => s + (f.body ?? 0), 0),
    transferred: files.reduce((s, f) => s + (f.transferred ?? 0), 0),
    files,
  };
}

const markSeen = { app: null, surveyjs: null };

/**
 * One fresh context: start-up, then (for a quiz) the answer latencies, and for
 * the app unthrottled the results. With `transfer`, also what the first visit
 * transferred (the first round's unthrottled contexts).
 */
async function oneContext(browser, origin, target, mode, quiz, { transfer = false } = {}) {
  const record = { target: target.name, mode: mode.name };
  const began = Date.now();
  const { context, page, cdp } = await freshPage(browser, { throttle: mode.throttle });
  try {
    const watcher = transfer ? await watchTransfer(cdp) : null;
    await page.goto(origin + target.startPath, { waitUntil: 'commit', timeout: mode.timeoutMs });
    const wantMark = target.mark && markSeen[target.name] !== false;
    const startup = await readStartup(page, { mark: wantMark, timeoutMs: wantMark ? mode.timeoutMs : 5_000 });
    if (watcher) {
      await page.waitForLoadState('load');
      record.transfer = transferFigures(target, watcher.files());
    }
    if (target.mark && markSeen[target.name] === null) markSeen[target.name] = startup.mark !== null;
    record.startup = target.mark ? startup.mark : startup.fcp;
    record.fcp = startup.fcp;
    if (target.name === 'floor' && !mode.throttle) record.memory = await memoryNow(page, cdp);
    const answers = target.quiz && (target.name !== 'surveyjs' || !mode.throttle || PEER_LATENCY_4X);
    if (answers) {
      if (mode.throttle === 'cpu+network') await cdp.send('Network.emulateNetworkConditions', NO_NETWORK_THROTTLING);
      if (target.quiz === 'floor') await page.evaluate(installFloorAnswering, floorQuestions(quiz));
      const ids = quiz.questions.map((q) => q.id);
      const { samples, domSamples } = await answerQuestions(page, { kind: target.quiz, ids, transitions: ids.length - 1 });
      record.latency = {
        p50: quantile(samples, 0.5),
        p95: quantile(samples, 0.95),
        max: Math.max(...samples),
        domP50: quantile(domSamples, 0.5),
        domP95: quantile(domSamples, 0.95),
        samples,
        domSamples,
      };
      if (target.quiz === 'app' && mode.throttle === 'cpu+network') {
        record.resultsMs = (await finishAppQuiz(page)).resultsMs;
      }
      if (target.quiz === 'app' && !mode.throttle) {
        const { score: shown, link, resultsMs } = await finishAppQuiz(page);
        record.resultsMs = resultsMs;
        record.memory = await memoryNow(page, cdp);
        const code = decodeURIComponent(link.split('#/r/')[1] ?? '');
        const opened = await openShareLinkInPage(page, code, 1000);
        record.share = opened && { ...opened, code, shownScore: shown, matches: opened.result === shown && opened.invalid === -1 };
      }
    }
    for (const e of page.errors) errors.push(`${target.name} ${mode.name}: ${e}`);
  } catch (error) {
    record.error = error.message.split('\n')[0];
    errors.push(`${target.name} ${mode.name}: ${record.error}`);
  } finally {
    await context.close();
  }
  record.wallMs = Date.now() - began;
  return record;
}

async function criterion() {
  const file = join(CRITERION, 'open_share_link/new/estimates.json');
  try {
    const estimates = JSON.parse(await readFile(file, 'utf8'));
    const modified = (await stat(file)).mtimeMs;
    const stale = modified < started - 60 * 60 * 1000;
    if (stale) warnings.push(`${file} is more than an hour old: the criterion figure may not be from this build`);
    return {
      available: true,
      file,
      measuredAt: new Date(modified).toISOString(),
      stale,
      medianNs: estimates.median.point_estimate,
      lowerNs: estimates.median.confidence_interval.lower_bound,
      upperNs: estimates.median.confidence_interval.upper_bound,
      meanNs: estimates.mean.point_estimate,
    };
  } catch {
    return { available: false, reason: `not available: no ${file} (run \`make bench\`, or bash bench/criterion.sh)` };
  }
}

function figures({ bytesResult, transfer, records, lighthouseResult, host }) {
  const pick = (target, mode, fn) => records.filter((r) => r.target === target && r.mode === mode && !r.error).map(fn);
  const startup = {};
  const fcp = {};
  const latency = { transitions: null };
  for (const target of TARGETS) {
    startup[target.name] = {};
    fcp[target.name] = {};
    for (const mode of MODES) {
      startup[target.name][mode.name] = summary(pick(target.name, mode.name, (r) => r.startup));
      fcp[target.name][mode.name] = summary(pick(target.name, mode.name, (r) => r.fcp));
    }
    if (target.quiz) {
      latency[target.name] = {};
      for (const [key, mode] of [['unthrottled', 'unthrottled'], ['cpu4x', 'throttled']]) {
        const runs = pick(target.name, mode, (r) => r.latency).filter(Boolean);
        latency.transitions ??= runs[0]?.samples.length ?? null;
        latency[target.name][key] = {
          p50: summary(runs.map((r) => r.p50)).median,
          p95: summary(runs.map((r) => r.p95)).median,
          domP50: summary(runs.map((r) => r.domP50)).median,
          domP95: summary(runs.map((r) => r.domP95)).median,
          contexts: runs.length,
          perContext: runs.map(({ p50, p95, max, domP50, domP95 }) => ({ p50, p95, max, domP50, domP95 })),
        };
      }
    }
  }
  const appRuns = pick('app', 'unthrottled', (r) => r).filter((r) => r.memory);
  const floorRuns = pick('floor', 'unthrottled', (r) => r).filter((r) => r.memory);
  const memory = {
    floor: { jsHeapUsed: summary(floorRuns.map((r) => r.memory.jsHeapUsed)) },
    app: {
      jsHeapUsed: summary(appRuns.map((r) => r.memory.jsHeapUsed)),
      jsHeapTotal: summary(appRuns.map((r) => r.memory.jsHeapTotal)),
      wasmMemory: summary(appRuns.map((r) => r.memory.wasmMemory)),
      total: summary(appRuns.map((r) => (r.memory.wasmMemory === null ? null : r.memory.jsHeapUsed + r.memory.wasmMemory))),
    },
  };
  const shares = appRuns.map((r) => r.share).filter(Boolean);
  const inPage = shares.length
    ? { available: true, runs: 1000, perRunMs: summary(shares.map((s) => s.perRunMs)), resultsMatch: shares.every((s) => s.matches), code: shares[0].code, result: shares[0].result }
    : { available: false, runs: 1000, reason: appRuns.length ? 'not available: the page has no window.wasmBindings.bench_open_share_link' : 'not available: no context reached the results page' };
  // From "See my results" to the results painted, per throttling.
  const resultsPaint = Object.fromEntries(MODES.map((m) => [m.name, summary(pick('app', m.name, (r) => r.resultsMs).filter((v) => v !== undefined))]));
  const su = (t, m) => startup[t][m].median;
  const lat = (t, m, p) => latency[t]?.[m]?.[p];
  return {
    bytes: bytesResult,
    transfer,
    startup,
    fcp,
    latency,
    memory,
    resultsPaint,
    shareLink: { host, inPage },
    lighthouse: lighthouseResult,
    ratios: {
      startupVsFloor: { unthrottled: ratio(su('app', 'unthrottled'), su('floor', 'unthrottled')), throttled: ratio(su('app', 'throttled'), su('floor', 'throttled')) },
      startupVsSurveyjs: { unthrottled: ratio(su('app', 'unthrottled'), su('surveyjs', 'unthrottled')), throttled: ratio(su('app', 'throttled'), su('surveyjs', 'throttled')) },
      bytesVsSurveyjs: {
        raw: ratio(bytesResult.app.total.raw, bytesResult.surveyjs.total.raw),
        gzip: ratio(bytesResult.app.total.gzip, bytesResult.surveyjs.total.gzip),
        brotli: ratio(bytesResult.app.total.brotli, bytesResult.surveyjs.total.brotli),
        transferred: ratio(transfer.app?.transferred, transfer.surveyjs?.transferred),
      },
      latencyVsSurveyjs: Object.fromEntries(['unthrottled', 'cpu4x'].map((m) => [m, {
        p50: ratio(lat('app', m, 'p50'), lat('surveyjs', m, 'p50')),
        p95: ratio(lat('app', m, 'p95'), lat('surveyjs', m, 'p95')),
      }])),
      latencyVsFloor: Object.fromEntries(['unthrottled', 'cpu4x'].map((m) => [m, {
        p50: ratio(lat('app', m, 'p50'), lat('floor', m, 'p50')),
        p95: ratio(lat('app', m, 'p95'), lat('floor', m, 'p95')),
      }])),
    },
  };
}

async function main() {
  if (RUNS < 15) warnings.push(`BENCH_RUNS=${RUNS}: fewer fresh contexts than the 15 issue 7 asks for (a smoke run)`);
  if (LH_RUNS > 0 && LH_RUNS < 5) warnings.push(`BENCH_LIGHTHOUSE_RUNS=${LH_RUNS}: fewer Lighthouse runs than the 5 issue 7 asks for`);
  log(`dist ${DIST}; ${RUNS} contexts per figure; Lighthouse ${LH_RUNS} + ${LH_BASELINE_RUNS} per baseline`);
  const quiz = await loadQuiz();
  const floorMatches = await checkFloor(quiz);
  const server = await startAllPages({
    dist: DIST,
    benchDir: BENCH,
    surveyDataJs: `// Generated by bench/support/content.mjs from content/ at bench time.\nwindow.benchSurveyJson = ${JSON.stringify(surveyJson(quiz))};\n`,
  });
  const browser = await launchBrowser();
  try {
    log('bytes on disk');
    const bytesResult = await bytes(server);
    await server.warm(TARGETS.flatMap((t) => bytesResult[t.name].files.map((f) => f.url)));
    const records = [];
    for (let round = 1; round <= RUNS; round += 1) {
      for (const target of TARGETS) {
        for (const mode of MODES) {
          const transfer = round === 1 && !mode.throttle;
          records.push(await oneContext(browser, server.origin, target, mode, quiz, { transfer }));
        }
      }
      const walls = records.slice(-TARGETS.length * MODES.length).map((r) => `${r.target} ${r.mode} ${(r.wallMs / 1000).toFixed(1)} s${r.error ? ' (error)' : ''}`);
      log(`round ${round}/${RUNS}: ${walls.join(', ')}`);
    }
    if (markSeen.app === false) warnings.push('the app set no quiz:first-question-interactive mark: its start-up is not available');
    if (markSeen.surveyjs === false) warnings.push('the SurveyJS fixture set no quiz:first-question-interactive mark');

    let lighthouseResult = null;
    if (LH_RUNS > 0) {
      lighthouseResult = {};
      try {
        log(`Lighthouse: app x${LH_RUNS}`);
        lighthouseResult.app = await lighthouse(`${server.origin}/`, LH_RUNS);
        if (LH_BASELINE_RUNS > 0) {
          log(`Lighthouse: baselines x${LH_BASELINE_RUNS}`);
          lighthouseResult.floor = await lighthouse(`${server.origin}/bench/floor/`, LH_BASELINE_RUNS);
          lighthouseResult.surveyjs = await lighthouse(`${server.origin}/bench/surveyjs/`, LH_BASELINE_RUNS);
        }
      } catch (error) {
        lighthouseResult.error = error.message.split('\n')[0];
        errors.push(`Lighthouse: ${lighthouseResult.error}`);
      }
    }
    log('the widget\'s first paint, throttled');
    const widget = await widgetFirstPaint({ browser, dist: DIST, origin: server.origin, runs: RUNS, log });
    for (const error of widget.errors) errors.push(`widget first paint: ${error}`);
    const servedBy = { ...server.log, notFound: [...new Set(server.log.notFound)] };
    if (servedBy.raw > 0) warnings.push(`${servedBy.raw} responses went out uncompressed`);
    const host = await criterion();
    const transfer = Object.fromEntries(TARGETS.map((t) => [t.name, records.find((r) => r.target === t.name && r.transfer)?.transfer ?? null]));
    const figs = figures({ bytesResult, transfer, records, lighthouseResult, host });
    // The results this run replaces do not make the tree dirty.
    const dirty = git('status', '--porcelain', '--', '.', ':(exclude)bench/results');
    const result = {
      date: new Date(started).toISOString(),
      commit: { hash: git('rev-parse', 'HEAD'), dirty: dirty === null ? null : dirty.length > 0 },
      machine: await machine(browser),
      dist: { path: DIST, builtAt: (await stat(join(DIST, 'index.html'))).mtime.toISOString() },
      runs: {
        contexts: RUNS,
        lighthouseApp: LH_RUNS,
        lighthouseBaselines: LH_BASELINE_RUNS,
        inPageShareLinkCalls: 1000,
        contextsFailed: records.filter((r) => r.error).length,
      },
      settings: {
        viewport: '375x740',
        throttled: '4x CPU (Emulation.setCPUThrottlingRate) + 150 ms RTT, 1.6 Mbps down, 750 kbps up (Network.emulateNetworkConditions)',
        answerLatencyAt4x: '4x CPU alone (network throttling lifted after start-up)',
        peerAnswerLatencyAt4x: PEER_LATENCY_4X ? 'measured' : 'not measured (BENCH_PEER_LATENCY_4X=1 adds it)',
        memoryBudgetBytes: 2_500_000,
      },
      floorMatchesContent: floorMatches,
      warnings,
      errors,
      figures: figs,
      widgetFirstPaint: widget,
      budgets: [],
      servedBy,
      contexts: records.map(({ transfer, ...rest }) => rest),
      durationMs: Date.now() - started,
      writtenTo: OUT,
    };
    result.budgets = budgets(figs);
    await mkdir(dirname(OUT), { recursive: true });
    await writeFile(`${OUT}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
    await rename(`${OUT}.tmp`, OUT);
    process.stdout.write(`${render(result)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
