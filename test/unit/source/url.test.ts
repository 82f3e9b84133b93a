// --manifest http://…: a real HTTP server on 127.0.0.1 serves manifests, errors, a silent socket and
// oversized bodies; planton fetches with its caps, keeps the copy and records the URL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { filesContaining } from '../../faults/helpers.js';
import { join } from 'node:path';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { MAX_MANIFEST_BYTES } from '../../../src/document/load.js';
import { resolveManifestSource } from '../../../src/source/index.js';
import { repoRoot } from '../../helpers/repo.js';
import { removeScratch, scratchDir } from '../../helpers/scratch.js';

const GOOD = readFileSync(join(repoRoot, 'hack/manifest.yaml'), 'utf8');
const TYPO = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: remote-users\nspec:\n  billingmode: PAY_PER_REQUEST\n  partitionKey: { name: id, type: STRING }\n';

describe('manifests fetched from a URL', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const hits: string[] = [];

  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const io = memoryIo(dir, env);
    const code = await main(args, io);
    return { code, out: io.out, err: io.err };
  };

  beforeAll(async () => {
    dir = scratchDir('url');
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      switch ((req.url ?? '').split('?')[0]) {
        case '/users.yaml':
          res.writeHead(200, { 'content-type': 'application/yaml' }).end(GOOD);
          return;
        case '/typo.yaml':
          res.writeHead(200).end(TYPO);
          return;
        case '/moved.yaml':
          res.writeHead(302, { location: '/users.yaml' }).end();
          return;
        case '/declared-huge.yaml':
          // Headers only, then silence: planton must refuse on the declared length without waiting for a body.
          res.writeHead(200, { 'content-length': String(MAX_MANIFEST_BYTES + 1) }).flushHeaders();
          return;
        case '/endless.yaml': {
          // No length: planton has to count the bytes as they come and stop at its cap.
          res.writeHead(200, { 'transfer-encoding': 'chunked' });
          const chunk = '# padding padding padding padding padding padding padding padding\n'.repeat(256);
          const pump = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          pump();
          return;
        }
        case '/silent.yaml':
          return; // never answers
        default:
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    removeScratch(dir);
  });

  test('validate -f URL fetches it, names it by its URL, and keeps the copy with the URL recorded', async () => {
    const url = `${base}/users.yaml`;
    const r = await run(['validate', '-f', url]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${url}: valid\n`);
    const [cacheDir] = readdirSync(join(dir, '.planton/remote'));
    expect(cacheDir).toMatch(/^127\.0\.0\.1-\d+-[0-9a-f]{12}$/);
    const kept = join(dir, '.planton/remote', cacheDir!);
    expect(r.err).toBe(`planton: manifest fetched from ${url} (kept in .planton/remote/${cacheDir}/manifest.yaml)\n`);
    expect(readFileSync(join(kept, 'manifest.yaml'), 'utf8')).toBe(GOOD);
    const record = JSON.parse(readFileSync(join(kept, 'source.json'), 'utf8'));
    expect(record).toMatchObject({ url, bytes: Buffer.byteLength(GOOD) });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('each URL has its own work directory tree beside its cached copy', async () => {
    const io = memoryIo(dir, {});
    const a = await resolveManifestSource({ manifest: `${base}/users.yaml` }, io);
    const b = await resolveManifestSource({ manifest: `${base}/moved.yaml` }, io);
    expect(a.file).toBe(join(a.workDirBase!, '..', 'manifest.yaml'));
    expect(a.workDirBase).toMatch(new RegExp(`^${dir}/\\.planton/remote/127\\.0\\.0\\.1-\\d+-[0-9a-f]{12}/tofu$`));
    expect(b.workDirBase).not.toBe(a.workDirBase);
    // A plain file keeps the work directory beside it (.planton/<table> next to the manifest).
    writeFileSync(join(dir, 'orders.yaml'), '');
    expect(await resolveManifestSource({ manifest: 'orders.yaml' }, io)).toEqual({ file: join(dir, 'orders.yaml'), displayFile: 'orders.yaml' });
  });

  test('problems in a fetched manifest are located by URL:LINE:COL', async () => {
    const url = `${base}/typo.yaml`;
    const r = await run(['validate', '--manifest', url]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`${url}:6:3  spec.billingmode  unknown field \`billingmode\`; did you mean \`billingMode\`?\n${url}: invalid (1 error)\n`);
  });

  test('load-manifest and tofu load-tfvars read URLs too, following a redirect', async () => {
    const lm = await run(['load-manifest', '--json', '-f', `${base}/moved.yaml`]);
    expect(lm.code).toBe(0);
    expect(JSON.parse(lm.out)).toMatchObject({ metadata: { name: 'xfusion-users' }, spec: { billingMode: 'PAY_PER_REQUEST', tableClass: 'STANDARD' } });
    const tv = await run(['tofu', 'load-tfvars', '-f', `${base}/users.yaml`]);
    expect(JSON.parse(tv.out)).toMatchObject({ table_name: 'xfusion-users', hash_key: 'xfusion_id' });
  });

  test('a 404 is one clear line and exit 1', async () => {
    expect(await run(['validate', '-f', `${base}/gone.yaml`])).toEqual({ code: 1, out: '', err: `planton: ${base}/gone.yaml: the server answered 404 Not Found, not the manifest\n` });
  });

  test('a server that never answers hits the timeout (PLANTON_FETCH_TIMEOUT_MS)', async () => {
    const started = Date.now();
    const r = await run(['validate', '-f', `${base}/silent.yaml`], { PLANTON_FETCH_TIMEOUT_MS: '400' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `planton: ${base}/silent.yaml: no complete answer within 0.4 s\n  Check the address, or raise PLANTON_FETCH_TIMEOUT_MS (milliseconds).\n`,
    });
  });

  test('a PLANTON_FETCH_TIMEOUT_MS that is not a number of milliseconds is refused', async () => {
    expect(await run(['validate', '-f', `${base}/users.yaml`], { PLANTON_FETCH_TIMEOUT_MS: '5s' })).toEqual({
      code: 1,
      out: '',
      err: 'planton: PLANTON_FETCH_TIMEOUT_MS must be a whole number of milliseconds above 0, not "5s"\n',
    });
  });

  test('a body over the manifest size cap is refused, declared or not', async () => {
    const declared = await run(['validate', '-f', `${base}/declared-huge.yaml`]);
    expect(declared).toEqual({ code: 1, out: '', err: `planton: ${base}/declared-huge.yaml: the manifest is 129 KiB; a manifest is at most 128 KiB (is this the right URL?)\n` });
    const endless = await run(['validate', '-f', `${base}/endless.yaml`]);
    expect(endless).toEqual({ code: 1, out: '', err: `planton: ${base}/endless.yaml: the manifest is over 128 KiB; a manifest is at most 128 KiB (is this the right URL?)\n` });
  });

  test('a refused connection says so', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    const r = await run(['validate', '-f', `http://127.0.0.1:${port}/x.yaml`]);
    expect(r).toEqual({ code: 1, out: '', err: `planton: http://127.0.0.1:${port}/x.yaml: cannot fetch the manifest (ECONNREFUSED)\n` });
  });

  test('other schemes and URLs with credentials are refused before any request', async () => {
    const before = hits.length;
    expect((await run(['validate', '-f', 'ftp://127.0.0.1/x.yaml'])).err).toBe(
      'planton: ftp://127.0.0.1/x.yaml: only http:// and https:// manifests can be fetched\n  Download it yourself and pass the file with --manifest.\n',
    );
    const withSecret = await run(['validate', '-f', `${base.replace('http://', 'http://me:SECRET@')}/users.yaml`]);
    expect(withSecret.code).toBe(1);
    expect(withSecret.err).toBe(
      `planton: ${base}/users.yaml: the URL holds a user name or password; planton records the URL on disk, so it takes none\n  Serve the manifest without credentials in its URL, or download it and pass the file.\n`,
    );
    expect(hits.length).toBe(before);
  });

  test('a query string (presigned URL, token) is masked in everything printed and kept off disk', async () => {
    const signed = (sig: string) => `${base}/typo.yaml?X-Amz-Credential=AKIA%2F20261202&X-Amz-Signature=${sig}&token=TOKEN-MARKER-5150`;
    const r = await run(['validate', '-f', signed('SIG-MARKER-1111')]);
    expect(r.code).toBe(1);
    const [cacheDir] = readdirSync(join(dir, '.planton/remote')).filter((d) => readFileSync(join(dir, '.planton/remote', d, 'source.json'), 'utf8').includes('typo.yaml'));
    expect(r.err).toBe(`planton: manifest fetched from ${base}/typo.yaml?*** (kept in .planton/remote/${cacheDir}/manifest.yaml)\n`);
    expect(r.out).toBe(`${base}/typo.yaml?***:6:3  spec.billingmode  unknown field \`billingmode\`; did you mean \`billingMode\`?\n${base}/typo.yaml?***: invalid (1 error)\n`);
    expect(JSON.parse(readFileSync(join(dir, '.planton/remote', cacheDir!, 'source.json'), 'utf8'))).toMatchObject({ url: `${base}/typo.yaml?***` });
    // Signed again (a new signature): the same manifest location, so the same directory and work directories.
    const again = await run(['validate', '-f', signed('SIG-MARKER-2222')]);
    expect(again.err).toContain(`(kept in .planton/remote/${cacheDir}/manifest.yaml)`);
    const gone = await run(['validate', '-f', `${base}/gone.yaml?token=TOKEN-MARKER-5150`]);
    expect(gone.err).toBe(`planton: ${base}/gone.yaml?***: the server answered 404 Not Found, not the manifest\n`);
    // The approval refusal comes once the manifest is read and valid: a good one, signed the same way.
    const approval = await run(['tofu', 'apply', `--manifest=${signed('SIG-MARKER-3333').replace('/typo.yaml', '/users.yaml')}`, '--local']);
    expect(approval.err).toContain(`\`planton tofu apply '--manifest=${base}/users.yaml?***' --local --auto-approve\``);
    for (const printed of [r, again, gone, approval]) expect(printed.out + printed.err).not.toMatch(/MARKER|AKIA/);
    expect([...filesContaining(join(dir, '.planton'), 'MARKER'), ...filesContaining(join(dir, '.planton'), 'AKIA%2F')]).toEqual([]);
  });
});
