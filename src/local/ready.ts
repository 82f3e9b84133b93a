// When a starting DynamoDB Local is ready: it answers HTTP on its port (or its process ended first).
import { request } from 'node:http';

/** The server process ended before it answered. */
export class ExitedEarly extends Error {}

/** Resolves once the server answers on `port`; throws ExitedEarly when it ends first, or a timeout. */
export async function waitUntilAnswering(port: number, timeoutMs: number, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone || hasExited()) throw new ExitedEarly();
    if (await answers(port)) return;
    await Promise.race([sleep(50), exited]);
  }
  if (hasExited()) throw new ExitedEarly();
  throw new Error('timeout');
}

/** Any HTTP answer (DynamoDB Local says 400 to a bare GET) means the server is up. */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      done(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
