// Where an answer's latency goes: one extra context per page and mode answers
// the quiz under a Chromium trace, and each transition (click on an option and
// Next, to the next question painted) is split into the page's main-thread
// work: script (event handlers, the framework's render, the harness's own
// observer), rendering (style, layout, paint, compositing) and the rest, which
// is the main thread waiting, mostly for the next frame. Tracing slows the
// page a little, so these contexts are not among the latency samples.
import { answerQuestions, freshPage } from './measure.mjs';
import { quantile } from './stats.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(',');
/** Chromium's rendering steps on the main thread, as the trace names them. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest']);

async function traced(cdp, run) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => { cdp.once('Tracing.tracingComplete', resolve); });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** Milliseconds of `[from, to)` covered by the events (sorted, not overlapping each other). */
function overlap(events, from, to) {
  let total = 0;
  for (const e of events) total += Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
  return total / 1000;
}

/** Splits each marked transition of the trace into script, rendering and waiting (ms). */
export function splitTransitions(events) {
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name?.startsWith('bench:answer-'));
  if (marks.length === 0) return [];
  const { pid, tid } = marks[0];
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur > 0);
  const tasks = main.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const rendering = main.filter((e) => RENDERING.has(e.name)).sort((a, b) => a.ts - b.ts);
  const starts = marks.filter((e) => e.name === 'bench:answer-start').sort((a, b) => a.ts - b.ts);
  const ends = marks.filter((e) => e.name === 'bench:answer-painted').sort((a, b) => a.ts - b.ts);
  const transitions = [];
  for (const start of starts) {
    const end = ends.find((e) => e.ts > start.ts);
    if (!end) continue;
    // The transition begins inside a task (the harness's idle callback): count from the mark.
    const busy = overlap(tasks, start.ts, end.ts);
    const render = overlap(rendering, start.ts, end.ts);
    const total = (end.ts - start.ts) / 1000;
    transitions.push({ total, script: Math.max(0, busy - render), rendering: render, waiting: Math.max(0, total - busy) });
  }
  return transitions;
}

function summarise(transitions) {
  const column = (key) => transitions.map((t) => t[key]);
  const figure = (key) => ({ p50: quantile(column(key), 0.5), p95: quantile(column(key), 0.95) });
  return {
    transitions: transitions.length,
    total: figure('total'),
    script: figure('script'),
    rendering: figure('rendering'),
    waiting: figure('waiting'),
  };
}

/**
 * One traced context on `target` (unthrottled, or with the CPU slowdown when
 * `cpu`), answering questions 1 to `ids.length - 1`. Null figures when the
 * trace holds no marked transitions.
 */
export async function latencyBreakdown(browser, origin, target, { cpu, ids, timeoutMs }) {
  const { context, page, cdp } = await freshPage(browser, { throttle: cpu ? 'cpu' : null });
  try {
    await page.goto(origin + target.startPath, { waitUntil: 'load', timeout: timeoutMs });
    let samples = [];
    const events = await traced(cdp, async () => {
      ({ samples } = await answerQuestions(page, { kind: target.quiz, ids, transitions: ids.length - 1, marks: true }));
    });
    const transitions = splitTransitions(events);
    return { ...summarise(transitions), samples: { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) } };
  } finally {
    await context.close();
  }
}
