// The budgets of issue 7, and the table printed at the end of `make bench`.

const KIB = 1024;
/** "MB" in the issue read as SI: 2,500,000 bytes (the stricter reading). */
export const MEMORY_BUDGET_BYTES = 2_500_000;

const num = (v) => typeof v === 'number' && Number.isFinite(v);
export const kib = (bytes) => (num(bytes) ? `${(bytes / KIB).toFixed(1)} KiB` : 'n/a');
export const mb = (bytes) => (num(bytes) ? `${(bytes / 1e6).toFixed(2)} MB` : 'n/a');
export const ms = (v) => (num(v) ? (Math.abs(v) >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : 'n/a');
export const us = (v) => (num(v) ? `${v.toFixed(2)} µs` : 'n/a');
export const ratio = (a, b) => (num(a) && num(b) && b > 0 ? a / b : null);
export const times = (r) => (num(r) ? `${r.toFixed(2)}x` : 'n/a');

/**
 * One budget: `value` against `limit` with `compare` ('<=' or '<' or '=='),
 * `format` for both. Pass, fail, or not available when the figure is missing.
 */
function budget(name, value, compare, limit, format, note = null) {
  if (!num(value)) return { name, value: null, limit, status: 'not available', margin: null, text: note ?? 'figure not available' };
  const ok = compare === '<=' ? value <= limit : compare === '<' ? value < limit : value === limit;
  const margin = limit - value;
  let text;
  if (compare === '==') text = ok ? 'exactly on target' : `${format(Math.abs(margin))} ${value > limit ? 'over' : 'under'}`;
  else text = ok ? `${format(margin)} to spare (${((margin / limit) * 100).toFixed(0)}% of the limit)` : `${format(-margin)} over (${((value / limit) * 100).toFixed(0)}% of the limit)`;
  return { name, value, compare, limit, status: ok ? 'pass' : 'FAIL', margin, text };
}

/** What the floor page with its script measured for the same budget, for scale. */
function withFloor(result, floorValue) {
  if (!num(floorValue)) return result;
  return { ...result, floor: floorValue, text: `${result.text}; the floor + script: ${ms(floorValue)}` };
}

export function budgets(f) {
  const lh = f.lighthouse?.app;
  const list = [
    budget('total first-visit transfer <= 64 KiB brotli (brotli 11 on disk)', f.bytes.app.total.brotli, '<=', 64 * KIB, kib),
    budget('start-up <= 2.5x the static floor, unthrottled', f.ratios.startupVsFloor.unthrottled, '<=', 2.5, (v) => `${v.toFixed(2)}x`,
      f.startup.app.unthrottled.median === null ? 'the app set no quiz:first-question-interactive mark' : null),
    budget('<= 0.8 s to first interactive question, 4x CPU + slow 4G', f.startup.app.throttled.median, '<=', 800, ms,
      'the app set no quiz:first-question-interactive mark'),
    withFloor(budget('answer latency p95 < 16 ms, unthrottled', f.latency.app.unthrottled.p95, '<', 16, ms), f.latency.floor?.unthrottled?.p95),
    withFloor(budget('answer latency p95 < 50 ms, 4x CPU', f.latency.app.cpu4x.p95, '<', 50, ms), f.latency.floor?.cpu4x?.p95),
    budget('JS heap + wasm memory after results < 2.5 MB', f.memory.app.total.median, '<', MEMORY_BUDGET_BYTES, mb,
      f.memory.app.wasmMemory.median === null ? 'wasm memory not available (no TrunkApplicationStarted event)' : null),
  ];
  for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
    list.push(budget(`Lighthouse mobile ${category} = 100`, lh?.scores?.[category] ?? null, '==', 100, (v) => `${v} points`,
      lh ? null : 'Lighthouse did not run'));
  }
  list.push(budget('Lighthouse CLS = 0', lh?.cls ?? null, '==', 0, (v) => v.toFixed(3), lh ? null : 'Lighthouse did not run'));
  return list;
}

function table(rows, header) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const range = (s) => (s && num(s.median) ? `${ms(s.median)} [${ms(s.min)}-${ms(s.max)}] n=${s.n}` : 'not available');

export function render(result) {
  const f = result.figures;
  const out = [];
  const say = (text = '') => out.push(text);
  const m = result.machine;
  say(`Alliance readiness quiz benchmark (issue 7), ${result.date}`);
  say(`commit ${result.commit.hash?.slice(0, 12) ?? 'unknown'}${result.commit.dirty ? ' (uncommitted changes)' : ''}; dist ${result.dist.path} built ${result.dist.builtAt}`);
  say(`machine: ${m.cores} cores, ${m.cpuModel}, ${m.os}; ${m.chromium}; Node ${m.node}; load average ${m.loadAverage.atStart} at the start, ${m.loadAverage.atEnd} at the end`);
  const lhRuns = result.runs.lighthouseApp ? `Lighthouse ${result.runs.lighthouseApp} runs for the app, ${result.runs.lighthouseBaselines} per baseline` : 'Lighthouse skipped';
  say(`runs: ${result.runs.contexts} fresh browser contexts per figure (medians); ${lhRuns}`);
  for (const warning of result.warnings) say(`WARNING: ${warning}`);

  say('\n1. Bytes a first visit downloads (files on disk; gzip -9, brotli 11)');
  const byteRows = [];
  for (const [page, label] of [['app', 'app'], ['floor', 'floor'], ['surveyjs', 'SurveyJS']]) {
    for (const file of f.bytes[page].files) byteRows.push([`${label} ${file.url}`, kib(file.raw), kib(file.gzip), kib(file.brotli)]);
    const t = f.bytes[page].total;
    const n = f.bytes[page].files.length;
    byteRows.push([`${label} TOTAL (${n} file${n === 1 ? '' : 's'})`, kib(t.raw), kib(t.gzip), kib(t.brotli)]);
  }
  for (const file of f.bytes.appNotOnFirstVisit) byteRows.push([`app, not on a first visit: ${file.url}`, kib(file.raw), kib(file.gzip), kib(file.brotli)]);
  say(table(byteRows, ['file', 'raw', 'gzip -9', 'brotli 11']));
  say('\nWhat the browser transferred on a first visit (CDP encodedDataLength, headers included; body = content-length)');
  const transferRows = [];
  for (const [page, label] of [['app', 'app'], ['floor', 'floor'], ['surveyjs', 'SurveyJS']]) {
    const t = f.transfer[page];
    if (!t) { transferRows.push([label, 'n/a', 'n/a', 'n/a', 'n/a']); continue; }
    transferRows.push([label, t.responses, t.encodings.join(', '), kib(t.body), kib(t.transferred)]);
  }
  say(table(transferRows, ['page', 'responses', 'encodings', 'body', 'transferred']));
  say(`app vs SurveyJS, brotli total: ${times(f.ratios.bytesVsSurveyjs.brotli)}; transferred: ${times(f.ratios.bytesVsSurveyjs.transferred)}`);

  say('\n2. Start-up: navigation start to the first question interactive (median [min-max])');
  say('   app: its quiz:first-question-interactive mark on the deep link /#/q/1; floor: first-contentful-paint (no script); SurveyJS: the same mark from onAfterRenderQuestion');
  say(table([
    ['unthrottled', range(f.startup.app.unthrottled), range(f.startup.floor.unthrottled), range(f.startup.surveyjs.unthrottled)],
    ['4x CPU + slow 4G', range(f.startup.app.throttled), range(f.startup.floor.throttled), range(f.startup.surveyjs.throttled)],
    ['FCP unthrottled', range(f.fcp.app.unthrottled), range(f.fcp.floor.unthrottled), range(f.fcp.surveyjs.unthrottled)],
    ['FCP throttled', range(f.fcp.app.throttled), range(f.fcp.floor.throttled), range(f.fcp.surveyjs.throttled)],
  ], ['', 'app', 'floor', 'SurveyJS']));
  say(table([
    ['unthrottled', times(f.ratios.startupVsFloor.unthrottled), times(f.ratios.startupVsSurveyjs.unthrottled)],
    ['4x CPU + slow 4G', times(f.ratios.startupVsFloor.throttled), times(f.ratios.startupVsSurveyjs.throttled)],
  ], ['ratio', 'app / floor', 'app / SurveyJS']));

  say(`\n3. Answer latency: click on an option and Next to the next question painted (${f.latency.transitions} transitions per quiz; p50/p95 per context, median over contexts)`);
  const lat = f.latency;
  const floorLat = lat.floor ?? {};
  const row = (name, m, p) => [name, ms(lat.app[m][p]), ms(floorLat[m]?.[p]), ms(lat.surveyjs[m][p]),
    times(f.ratios.latencyVsFloor?.[m]?.[p]), times(f.ratios.latencyVsSurveyjs[m][p])];
  const domRow = (name, m) => [name, ...['app', 'floor', 'surveyjs'].map((t) => `${ms(lat[t]?.[m]?.domP50)} / ${ms(lat[t]?.[m]?.domP95)}`), '', ''];
  say(table([
    row('p50 unthrottled', 'unthrottled', 'p50'),
    row('p95 unthrottled', 'unthrottled', 'p95'),
    row('p50 4x CPU', 'cpu4x', 'p50'),
    row('p95 4x CPU', 'cpu4x', 'p95'),
    domRow('to the DOM only, p50 / p95 unthrottled', 'unthrottled'),
    domRow('to the DOM only, p50 / p95 4x CPU', 'cpu4x'),
  ], ['', 'app', 'floor + script', 'SurveyJS', 'app / floor', 'app / SurveyJS']));
  if (lat.surveyjs.cpu4x.contexts === 0) say('   (SurveyJS at 4x CPU not measured by default: BENCH_PEER_LATENCY_4X=1 adds it, about 3 minutes)');
  say('   (painted = the next question in the DOM, then requestAnimationFrame and setTimeout(0): it includes waiting for the next frame)');
  say('   (floor + script = the static floor page with a few lines of plain DOM code writing the next question\'s texts:');
  say('    what any page pays in this harness, bench/fixtures/floor/answering.mjs)');

  if (f.resultsPaint) {
    say('\n   From "See my results" to the results painted (the last answer given; with code splitting the results part');
    say('   was fetched while the visitor answered): ' + ['unthrottled', 'throttled'].map((m) => `${m === 'throttled' ? '4x CPU' : 'unthrottled'} ${range(f.resultsPaint[m])}`).join(', '));
  }

  say('\n4. Memory after the results page renders (after forced GC; median)');
  const mem = f.memory.app;
  say(table([
    ['JS heap used', mb(mem.jsHeapUsed.median)],
    ['wasm memory', mem.wasmMemory.median === null ? 'not available' : mb(mem.wasmMemory.median)],
    ['sum', mb(mem.total.median)],
    ['for scale: the floor page\'s JS heap used', mb(f.memory.floor?.jsHeapUsed?.median)],
  ], ['app', '']));

  say('\n5. Opening a share link: decode plus scoring');
  const host = f.shareLink.host;
  say(`   host (criterion, ${host.available ? 'median' : 'not available'}): ${host.available ? `${us(host.medianNs / 1000)} [${us(host.lowerNs / 1000)}-${us(host.upperNs / 1000)}]${host.stale ? ' (STALE: older than this run)' : ''}` : host.reason}`);
  const inPage = f.shareLink.inPage;
  say(`   in the page (${inPage.runs} calls of bench_open_share_link per context, median per call): ${inPage.available ? `${us(inPage.perRunMs.median * 1000)} [${us(inPage.perRunMs.min * 1000)}-${us(inPage.perRunMs.max * 1000)}] n=${inPage.perRunMs.n}; result ${inPage.resultsMatch ? 'matches' : 'DOES NOT match'} the overall score shown` : inPage.reason}`);

  say(`\n6. Lighthouse${f.lighthouse?.app ? ` ${f.lighthouse.app.lighthouseVersion}` : ''} (mobile preset; median of the runs)`);
  const lhRow = (label, lh) => (lh
    ? [label, lh.runs, lh.scores.performance, lh.scores.accessibility, lh.scores['best-practices'], lh.scores.seo, ms(lh.lcpMs), ms(lh.tbtMs), num(lh.cls) ? lh.cls.toFixed(3) : 'n/a']
    : [label, 0, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']);
  say(table([
    lhRow('app /', f.lighthouse?.app), lhRow('floor', f.lighthouse?.floor), lhRow('SurveyJS', f.lighthouse?.surveyjs),
  ], ['page', 'runs', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'TBT', 'CLS']));
  if (f.lighthouse?.app?.auditsBelowFullScore?.length) say(`   app audits below full score in some run: ${f.lighthouse.app.auditsBelowFullScore.join('; ')}`);
  if (f.lighthouse?.error) say(`   Lighthouse error: ${f.lighthouse.error}`);

  say('\nBudgets');
  say(table(result.budgets.map((b) => [b.name, b.status, b.text]), ['budget', 'result', 'margin']));
  const failed = result.budgets.filter((b) => b.status === 'FAIL').length;
  const missing = result.budgets.filter((b) => b.status === 'not available').length;
  say(`${result.budgets.length - failed - missing} passed, ${failed} failed, ${missing} not available`);
  if (result.errors.length) {
    say(`\n${result.errors.length} context(s) had errors (their figures are left out):`);
    for (const error of result.errors.slice(0, 10)) say(`  ${error}`);
  }
  say(`\nwritten to ${result.writtenTo}; took ${(result.durationMs / 1000).toFixed(0)} s`);
  return out.join('\n');
}
