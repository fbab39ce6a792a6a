// A site owner's page on a second loopback server (its own port, so its own
// origin), for embedding the quiz served by server.mjs.
import { createServer } from 'node:http';

/** Serves `pages` ({ '/path': html or () => html }); resolves to { origin, close() }. */
export async function startHostServer(pages) {
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url, 'http://x').pathname];
    const html = typeof page === 'function' ? page() : page;
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** The events a host page can listen to. */
export const EVENTS = ['ready', 'started', 'question', 'completed', 'restarted', 'language'].map((name) => `alliance-quiz:${name}`);

/**
 * A host page: a heading, the given widget markup, a paragraph below it and the
 * loader. It records every quiz event in `window.quizEvents` and, for the first
 * height message from the app, the container's height just before the loader
 * applies it (`window.firstHeight`).
 */
export function hostPage(appOrigin, widgets, { loader = true, extra = '' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A training provider</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 16px sans-serif; } h1 { margin: 0; height: 60px; }</style></head>
<body>
<h1>Partnership training</h1>
<script>
  window.quizEvents = [];
  for (const type of ${JSON.stringify(EVENTS)}) {
    document.addEventListener(type, (event) => window.quizEvents.push({ on: event.target.id, type, detail: event.detail }));
  }
  // Registered before the loader's listener, so it sees the container before the height is applied.
  window.addEventListener('message', (event) => {
    if (!window.firstHeight && event.data && event.data.type === 'alliance-quiz:height') {
      const box = document.querySelector('[data-alliance-quiz]');
      if (box) window.firstHeight = { reported: event.data.height, boxBefore: box.getBoundingClientRect().height };
    }
  });
</script>
${widgets}
<p id="below">Below the quiz</p>
${extra}
${loader ? `<script src="${appOrigin}/embed.js" async></script>` : ''}
</body></html>`;
}
