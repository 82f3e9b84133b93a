// How plan, apply, destroy and refresh read many manifests, in-process and without terraform: what is
// a fleet and what stays one manifest, the usage errors a fleet has, and invalid manifests reported
// with no terraform run at all.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { progressLines } from '../../../src/fleet/progress.js';
import { failureReason } from '../../../src/commands/fleet.js';

const PROVISIONED_ONLY = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: orders }\nspec:\n  billingMode: PROVISIONED\n  partitionKey: { name: id, type: STRING }\n';
const SHORT_NAME = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: o }\nspec:\n  partitionKey: { name: id, type: STRING }\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-fleet-cli-'));
  mkdirSync(join(dir, 'tables'));
  writeFileSync(join(dir, 'tables', 'a.yaml'), PROVISIONED_ONLY);
  writeFileSync(join(dir, 'tables', 'b.yml'), SHORT_NAME);
  writeFileSync(join(dir, 'tables', 'notes.txt'), 'not a manifest');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin = { isTTY: false }) {
  // No terraform on PATH: these runs must end before any would start.
  const io = memoryIo(dir, { PATH: '/nonexistent' }, stdin);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

test('a directory of invalid manifests is one report and exit 1, with no terraform run', async () => {
  const r = await run(['plan', 'tables', '--detailed-exitcode', '--parallelism', '2']);
  expect(r.code).toBe(1);
  // Two at a time: which of the two finishes first is the machine's doing.
  const lines = r.err.replace(/\d+\.\d s/g, 'T').split('\n');
  expect([...lines.slice(0, 3), ...lines.slice(3).sort()]).toEqual([
    'planton: plan of 2 manifests, 2 at a time',
    'planton: tables/a.yaml: reading',
    'planton: tables/b.yml: reading',
    '',
    'planton: tables/a.yaml: invalid: 1 problem (T)',
    'planton: tables/b.yml: invalid: 1 problem (T)',
  ]);
  expect(r.out.replace(/\d+\.\d s/g, 'T')).toBe(
    [
      'planton plan: 2 manifests in T: 2 invalid',
      '',
      '  MANIFEST       TABLE  VERDICT              TIME',
      '  tables/a.yaml  -      invalid: 1 problem  T',
      '  tables/b.yml   -      invalid: 1 problem  T',
      '',
      'tables/a.yaml: invalid',
      '  tables/a.yaml:5:16  spec.billingMode  billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1)',
      'tables/b.yml: invalid',
      '  tables/b.yml:3:19  metadata.name  metadata.name `o` is the table name (spec.tableName is not set), so it must be 3-255 characters of letters, digits, `_`, `.` or `-`; or set spec.tableName',
      '',
    ].join('\n'),
  );
});

test('files, quoted globs and repeated -m and -f add up, each manifest once', async () => {
  const r = await run(['refresh', 'tables/a.yaml', "tables/*.yml", '-m', 'tables/a.yaml', '-f', 'tables/b.yml', '--format', 'json']);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out).manifests.map((m: { file: string }) => m.file)).toEqual(['tables/a.yaml', 'tables/b.yml']);
});

test('a directory with one manifest is still a fleet (a report); one file is the single-manifest run', async () => {
  rmSync(join(dir, 'tables', 'b.yml'));
  const fleet = await run(['plan', 'tables']);
  expect(fleet.out).toMatch(/^planton plan: 1 manifest in \d+\.\d s: 1 invalid\n/);
  const single = await run(['plan', 'tables/a.yaml']);
  expect(single).toEqual({
    code: 1,
    out: '',
    err: 'tables/a.yaml:5:16  spec.billingMode  billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1)\ntables/a.yaml: invalid (1 error)\n',
  });
});

test('plan of one manifest takes --format markdown: the report on stdout, the diagnostics on stderr as always', async () => {
  const r = await run(['plan', '-m', 'tables/a.yaml', '--format', 'markdown']);
  expect(r.code).toBe(1);
  expect(r.err).toContain('tables/a.yaml: invalid (1 error)\n');
  expect(r.out).toMatch(/^### planton plan: 1 manifest\n\n\*\*1 invalid\*\* · exit code 1 · \d+\.\d s\n\n#### Needs attention\n/);
  expect(r.out).toContain('| `tables/a.yaml` | – | invalid: 1 problem |\n');
});

test.each([
  [['plan', 'tables', 'nothing/*.yaml'], 'planton: no manifest matches nothing/*.yaml\n  Directories give their *.yaml and *.yml files; quote a glob so planton, not the shell, expands it.\n'],
  [['plan', 'tables', '--workdir', 'w'], 'planton: --workdir names one work directory; a fleet gives each manifest its own (<manifest dir>/.planton/<table>)\n'],
  [['plan', 'tables', '--kustomize-dir', 'k', '--overlay', 'prod'], 'planton: --kustomize-dir builds one manifest; give no other manifest with it\n'],
  [['plan', 'tables', '--parallelism', '0'], 'planton: --parallelism 0 is not a whole number from 1 to 9999\n'],
  [['plan', 'tables', '--parallelism', 'two'], 'planton: --parallelism two is not a whole number from 1 to 9999\n'],
  [['destroy', 'tables'], 'planton: destroy of 2 manifests needs --auto-approve\n  Review `planton plan --destroy tables` first, then run destroy again with --auto-approve.\n'],
  [['refresh', 'tables', '--adopt'], "error: unknown option '--adopt'\n(run planton help refresh for usage)\n"],
])('%j is a usage error before anything runs', async (args, err) => {
  expect(await run(args)).toEqual({ code: 1, out: '', err });
});

test('apply of many at a terminal shows the whole fleet\'s plan first; with manifests to fix it stops there, asking nothing', async () => {
  const r = await run(['apply', 'tables/a.yaml', 'tables/b.yml', '--parallelism', '1'], { isTTY: true });
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^planton: plan of 2 manifests, 1 at a time\n/);
  expect(r.err).toMatch(/\nplanton plan: 2 manifests in \d+\.\d s: 2 invalid\n/);
  expect(r.err).toMatch(/\nplanton: apply stopped: the plan above has manifests to fix first; nothing was applied\n$/);
  expect(r.err).not.toContain('Only \'yes\'');
});

test('one approval of a fleet is refused with a remote state backend: each apply would plan again', async () => {
  writeFileSync(join(dir, 'stack.yaml'), 'provider_config: { region: us-east-1 }\nbackend: { type: s3, bucket: my-state, key: k, region: us-east-1 }\n');
  const r = await run(['apply', 'tables', '-s', 'stack.yaml'], { isTTY: true });
  expect(r).toEqual({
    code: 1,
    out: '',
    err: 'planton: apply of many manifests with a s3 backend needs --auto-approve\n  The state is remote, so each apply plans again; review with `planton plan` of the same manifests, then run apply with --auto-approve.\n',
  });
});

test('help of the fleet operations names the files argument and the fleet flags', async () => {
  const r = await run(['help', 'plan']);
  expect(r.out).toMatch(/^Usage: planton plan \[options\] \[files\.\.\.\]\n/);
  expect(r.out).toMatch(/--parallelism <n> +how many manifests of a fleet run at once/);
  expect(r.out.replace(/\s+/g, ' ')).toContain('--format <format> report format (json and markdown: one document on stdout, tofu text on stderr) (choices: "text", "json", "markdown", default: "text")');
  expect((await run(['help', 'tofu', 'output'])).out).toMatch(/^Usage: planton tofu output \[options\]\n/);
});

describe('progress lines', () => {
  test('into a pipe: one plain line per move, none for a state repeated', () => {
    let text = '';
    const p = progressLines(['a.yaml', 'bb.yaml'], false, (t) => (text += t));
    p.update(0, 'planning');
    p.update(0, 'planning');
    p.update(1, 'done in 1.0 s: no changes');
    expect(text).toBe('planton: a.yaml: planning\nplanton: bb.yaml: done in 1.0 s: no changes\n');
  });

  test('on a terminal: a block of one line per manifest, each rewritten in place', () => {
    let text = '';
    const p = progressLines(['a.yaml', 'bb.yaml'], true, (t) => (text += t));
    expect(text).toBe('  a.yaml   queued\n  bb.yaml  queued\n');
    text = '';
    p.update(0, 'planning');
    expect(text).toBe('\x1b[2A\r\x1b[2K  a.yaml   planning\r\x1b[2B');
  });
});

test('a failed run is named by tofu\'s first error, else planton\'s last word, else its exit code', () => {
  expect(failureReason('Plan...\n│ Error: creating AWS DynamoDB Table (x): ResourceInUseException\n│ \n', 1, undefined)).toBe('creating AWS DynamoDB Table (x): ResourceInUseException');
  expect(failureReason('planton: using terraform\nplanton: init failed\n', 1, undefined)).toBe('init failed');
  expect(failureReason('', 3, undefined)).toBe('exit code 3');
  expect(failureReason('Error: x', 130, 'SIGINT')).toBe('stopped by SIGINT');
});
