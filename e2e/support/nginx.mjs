// The release build behind Debian's nginx with deploy/nginx.conf and the
// build's headers (scripts/nginx.sh), for E2E_SERVER=nginx: the same specs,
// under the real content security policy and caching headers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/nginx.sh', import.meta.url));

/** A port the OS has just handed out on 127.0.0.1 and taken back. */
async function freePort() {
  const probe = createServer();
  await new Promise((done, fail) => probe.once('error', fail).listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** Serves `root` with nginx; resolves to { origin, close() } once it answers. */
export async function startNginx(root) {
  await stat(join(root, '_headers.nginx.conf')).catch(() => {
    throw new Error(`${root}/_headers.nginx.conf is missing: run \`make build\` first`);
  });
  const port = await freePort();
  const child = spawn('bash', [SCRIPT, root, String(port)], { stdio: ['ignore', 'inherit', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ended = await Promise.race([exited, new Promise((done) => setTimeout(done, 50, null))]);
    if (ended) throw new Error(`nginx stopped (${JSON.stringify(ended)}):\n${log}`);
    const answered = await fetch(`${origin}/`, { method: 'HEAD' }).then((r) => r.ok, () => false);
    if (answered) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not answer on ${origin} within 10 s:\n${log}`);
    }
  }
  return {
    origin,
    // Its warnings and errors so far (a spec may check that there are none).
    log: () => log,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
