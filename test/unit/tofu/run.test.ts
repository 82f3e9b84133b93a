// runTofu's own logic with a stand-in child (a node script): streaming, masking, signal forwarding.
import { createMasker } from '../../../src/tofu/mask.js';
import { runTofu, type RunContext } from '../../../src/tofu/run.js';

function context(): RunContext & { out: string; err: string } {
  const ctx = {
    binary: process.execPath,
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '' },
    mask: createMasker(['SECRET-MARKER-12345']),
    out: '',
    err: '',
    stdout: (t: string) => void (ctx.out += t),
    stderr: (t: string) => void (ctx.err += t),
  };
  return ctx;
}

test('output is streamed with secrets masked, and the exit code is the child’s', async () => {
  const ctx = context();
  const script = `process.stdout.write('key SECRET-MARK'); setTimeout(() => { process.stdout.write('ER-12345 ok\\n'); console.error('err SECRET-MARKER-12345'); process.exit(4); }, 50);`;
  const r = await runTofu(ctx, ['-e', script]);
  expect(r).toEqual({ exitCode: 4, interrupted: false, stdout: '' });
  expect(ctx.out).toBe('key *** ok\n');
  expect(ctx.err).toBe('err ***\n');
});

test('capture mode returns stdout unprinted', async () => {
  const ctx = context();
  const r = await runTofu(ctx, ['-e', 'console.log(JSON.stringify({a:1}))'], { capture: true });
  expect(r.stdout).toBe('{"a":1}\n');
  expect(ctx.out).toBe('');
});

/** Resolves once the child has written `text` through ctx.stdout (it is ready for a signal). */
function printed(ctx: ReturnType<typeof context>, text: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const write = ctx.stdout;
    ctx.stdout = (t) => {
      write(t);
      if (t.includes(text)) resolve();
    };
  });
}

test('SIGINT is forwarded to the child once; planton waits for its clean stop, then returns 130 (not its code, 3)', async () => {
  const ctx = context();
  // The child counts the SIGINTs it gets, takes 300 ms to "save state", then exits 3.
  const script = `let n = 0; process.on('SIGINT', () => { n++; if (n === 1) setTimeout(() => { console.log('signals=' + n); process.exit(3); }, 300); }); console.log('ready'); setInterval(() => {}, 1000);`;
  const ready = printed(ctx, 'ready');
  const running = runTofu(ctx, ['-e', script]);
  await ready;
  process.emit('SIGINT');
  process.emit('SIGINT');
  const r = await running;
  expect(r.exitCode).toBe(130);
  expect(r.interrupted).toBe(true);
  expect(ctx.out).toBe('ready\nsignals=1\n');
  expect(ctx.err).toContain('planton: SIGINT received; asking');
  expect(ctx.err).toContain('planton: still waiting for');
  expect(process.listenerCount('SIGINT')).toBe(0);
});

test('a child that finishes with 0 although asked to stop still ends the run with the signal’s code', async () => {
  const ctx = context();
  const script = `process.on('SIGINT', () => { console.log('done anyway'); process.exit(0); }); console.log('ready'); setInterval(() => {}, 1000);`;
  const ready = printed(ctx, 'ready');
  const running = runTofu(ctx, ['-e', script]);
  await ready;
  process.emit('SIGINT');
  expect(await running).toEqual({ exitCode: 130, interrupted: true, stdout: '' });
});

test('SIGTERM is forwarded as SIGTERM; the run returns 143', async () => {
  const ctx = context();
  const script = `process.on('SIGTERM', () => { console.log('term'); process.exit(7); }); console.log('ready'); setInterval(() => {}, 1000);`;
  const ready = printed(ctx, 'ready');
  const running = runTofu(ctx, ['-e', script]);
  await ready;
  process.emit('SIGTERM');
  expect((await running).exitCode).toBe(143);
  expect(ctx.out).toBe('ready\nterm\n');
});

test('SIGHUP (a closed terminal) is forwarded as SIGINT, the stop tofu handles gracefully; the run returns 129', async () => {
  const ctx = context();
  const script = `process.on('SIGINT', () => { console.log('int'); process.exit(5); }); process.on('SIGHUP', () => { console.log('hup'); process.exit(6); }); console.log('ready'); setInterval(() => {}, 1000);`;
  const ready = printed(ctx, 'ready');
  const running = runTofu(ctx, ['-e', script]);
  await ready;
  process.emit('SIGHUP');
  expect((await running).exitCode).toBe(129);
  expect(ctx.out).toBe('ready\nint\n');
  expect(ctx.err).toContain(`planton: SIGHUP received; asking ${process.execPath} to stop cleanly`);
  expect(process.listenerCount('SIGHUP')).toBe(0);
});
