// --kustomize-dir/--overlay with the real `kubectl kustomize` (or kustomize) on PATH: the built manifest,
// errors located in the kept build and naming the overlay, and the messages when kustomize is missing.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { localDataDir } from '../../../src/session/local.js';
import { resolveManifestSource } from '../../../src/source/index.js';
import { findOnPath } from '../../../src/tofu/binary.js';
import { repoRoot } from '../../helpers/repo.js';
import { removeScratch, scratchDir } from '../../helpers/scratch.js';

const kustomizer = findOnPath('kubectl', process.env.PATH) ?? findOnPath('kustomize', process.env.PATH);
if (!kustomizer) console.warn('SKIPPED test/unit/source/kustomize.test.ts: neither kubectl nor kustomize is on PATH');
const suite = kustomizer ? describe : describe.skip;

const TABLE = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: events
spec:
  partitionKey: { name: id, type: STRING }
`;

suite('manifests built from a kustomize overlay', () => {
  let dir: string;
  const run = async (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const io = memoryIo(dir, env);
    const code = await main(args, io);
    return { code, out: io.out, err: io.err };
  };
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  beforeAll(() => {
    dir = scratchDir('kustomize');
    write('k/base/kustomization.yaml', 'resources: [table.yaml]\n');
    write('k/base/table.yaml', TABLE);
    // A typo an overlay author might make: the patch's key lands in the built document.
    write('k/overlays/typo/kustomization.yaml', 'resources: [../../base]\npatches:\n  - path: patch.yaml\n');
    write('k/overlays/typo/patch.yaml', 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata: { name: events }\nspec:\n  billingmode: PROVISIONED\n');
    write('k/overlays/two/kustomization.yaml', 'resources: [../../base, second.yaml]\n');
    write('k/overlays/two/second.yaml', TABLE.replace('name: events', 'name: audit'));
    write('k/overlays/configmap/kustomization.yaml', 'resources: [../../base]\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n');
    write('k/overlays/broken/kustomization.yaml', 'resources: [../../nowhere]\n');
    write('k/overlays/notes/README.md', 'no kustomization here\n');
  });
  afterAll(() => {
    removeScratch(dir);
  });

  test('the work directories of an overlay are where the README says, with and without --local', async () => {
    // The README's own words, with DIR and NAME filled in.
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain('and state under `DIR/.planton/overlays/NAME/tofu/`; with `--local`, its DynamoDB Local data and\n  local state are under `DIR/.planton/overlays/NAME/.planton/local-dynamodb/` (state in its `tofu/`).');
    const source = await resolveManifestSource({ kustomizeDir: 'k', overlay: 'typo' }, memoryIo(dir, process.env));
    expect(source.workDirBase).toBe(join(dir, 'k/.planton/overlays/typo/tofu'));
    // --local puts its data (and its work directories' base) beside the manifest it reads, the kept build.
    expect(localDataDir(dirname(source.file))).toBe(join(dir, 'k/.planton/overlays/typo/.planton/local-dynamodb'));
  });

  test('load-manifest prints the dev overlay of hack/kustomize with defaults filled', async () => {
    const io = memoryIo(repoRoot, process.env);
    expect(await main(['load-manifest', '--kustomize-dir', 'hack/kustomize', '--overlay', 'dev'], io)).toBe(0);
    expect(io.out).toBe(
      [
        'apiVersion: aws.project-planton.org/v1',
        'kind: AwsDynamodb',
        'metadata:',
        '  env: dev',
        '  name: orders-dev',
        'spec:',
        '  billingMode: PAY_PER_REQUEST',
        '  deletionProtectionEnabled: false',
        '  partitionKey:',
        '    name: customer_id',
        '    type: STRING',
        '  pointInTimeRecovery:',
        '    enabled: false',
        '  sortKey:',
        '    name: order_id',
        '    type: STRING',
        '  tableClass: STANDARD',
        '  contributorInsightsEnabled: false',
        '',
      ].join('\n'),
    );
    expect(io.err).toMatch(/^planton: manifest from overlay 'dev' \(hack\/kustomize\/overlays\/dev\), built by (kubectl kustomize|kustomize build) into hack\/kustomize\/\.planton\/overlays\/dev\/manifest\.yaml\n$/);
  });

  test('the prod overlay is provisioned with autoscaling, deletion protection and 35 days of PITR; --set still applies on top', async () => {
    const io = memoryIo(repoRoot, process.env);
    const args = ['load-manifest', '--json', '--kustomize-dir', 'hack/kustomize', '--overlay', 'prod', '--set', 'spec.provisionedThroughput.readCapacityUnits=7'];
    expect(await main(args, io)).toBe(0);
    const m = JSON.parse(io.out);
    expect(m.metadata.name).toBe('orders-prod');
    expect(m.spec).toMatchObject({
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 7, writeCapacityUnits: 5 },
      autoScaling: { read: { minCapacity: 5, maxCapacity: 200, targetUtilization: 70 }, write: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70 } },
      deletionProtectionEnabled: true,
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
      tags: { Environment: 'prod' },
    });
  });

  test('tofu load-tfvars takes the same overlay options', async () => {
    const io = memoryIo(repoRoot, process.env);
    expect(await main(['tofu', 'load-tfvars', '--kustomize-dir', 'hack/kustomize', '--overlay', 'prod'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ table_name: 'orders-prod', billing_mode: 'PROVISIONED', deletion_protection_enabled: true, point_in_time_recovery_period_in_days: 35 });
  });

  test('a mistake in an overlay points at its line in the kept build, whose path names the overlay', async () => {
    const r = await run(['validate', '--kustomize-dir', 'k', '--overlay', 'typo']);
    expect(r.code).toBe(1);
    const built = 'k/.planton/overlays/typo/manifest.yaml';
    const text = readFileSync(join(dir, built), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('billingmode')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(r.out).toBe(`${built}:${line}:3  spec.billingmode  unknown field \`billingmode\`; did you mean \`billingMode\`?\n${built}: invalid (1 error)\n`);
    expect(text[0]).toMatch(/^# Built by `(kubectl kustomize|kustomize build)` from overlay 'typo' \(k\/overlays\/typo\); planton rewrites it on every run\.$/);
    expect(r.err).toContain("planton: manifest from overlay 'typo' (k/overlays/typo)");
  });

  test('planton plan with an overlay takes it over the stack input’s target and stops on its mistake before terraform', async () => {
    write('stack.yaml', `provider_config:\n  region: us-east-1\ntarget:\n${TABLE.replace(/^/gm, '  ')}`);
    const r = await run(['plan', '-s', 'stack.yaml', '--kustomize-dir', 'k', '--overlay', 'typo']);
    expect(r.code).toBe(1);
    const built = 'k/.planton/overlays/typo/manifest.yaml';
    expect(r.err).toMatch(new RegExp(`^planton: manifest from overlay 'typo' \\(k/overlays/typo\\), built by [a-z ]+ into ${built}\n${built}:\\d+:3  spec\\.billingmode  unknown field`));
    expect(r.err).not.toMatch(/planton: using (terraform|tofu)/);
  });

  test('an overlay that builds two tables is refused at the second one', async () => {
    const r = await run(['load-manifest', '--kustomize-dir', 'k', '--overlay', 'two']);
    expect(r.code).toBe(1);
    const text = readFileSync(join(dir, 'k/.planton/overlays/two/manifest.yaml'), 'utf8').split('\n');
    // kustomize sorts resources; the second AwsDynamodb document starts after the `---` separator.
    const line = text.indexOf('---') + 2;
    expect(r.err).toBe(
      `planton: k/.planton/overlays/two/manifest.yaml:${line}:1: overlay 'two' built 2 AwsDynamodb manifests (AwsDynamodb audit, AwsDynamodb events); planton manages one table per overlay\n` +
        '  Leave only the table in the overlay (one resource in the base kustomization).\n',
    );
  });

  test('an overlay that builds something besides the table names it', async () => {
    const r = await run(['load-manifest', '--kustomize-dir', 'k', '--overlay', 'configmap']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^planton: k\/\.planton\/overlays\/configmap\/manifest\.yaml:\d+:1: overlay 'configmap' built ConfigMap settings-[a-z0-9]+ besides the AwsDynamodb; planton reads exactly one AwsDynamodb per overlay\n/);
  });

  test('a failing kustomize build names the overlay and quotes kustomize', async () => {
    const r = await run(['validate', '--kustomize-dir', 'k', '--overlay', 'broken']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^planton: overlay 'broken': `(kubectl kustomize|kustomize build) k` failed \(exit 1\):\n  .*nowhere/);
  });

  test('unknown overlays, directories without a kustomization and bad names are usage errors', async () => {
    expect(await run(['validate', '--kustomize-dir', 'k', '--overlay', 'stage'])).toEqual({
      code: 1,
      out: '',
      err: "planton: overlay 'stage' not found: k/overlays/stage is not a directory\n  Overlays in k/overlays: broken, configmap, notes, two, typo.\n",
    });
    expect((await run(['validate', '--kustomize-dir', 'k', '--overlay', 'notes'])).err).toBe("planton: overlay 'notes': k/overlays/notes has no kustomization.yaml\n");
    expect((await run(['validate', '--kustomize-dir', 'k', '--overlay', '../base'])).err).toBe(
      'planton: --overlay "../base": an overlay is a directory name under k/overlays (letters, digits, . _ -)\n',
    );
    expect((await run(['validate', '--kustomize-dir', 'missing', '--overlay', 'dev'])).err).toBe('planton: --kustomize-dir missing: no such directory\n');
  });

  test('--overlay and --kustomize-dir need each other and exclude --manifest / -f', async () => {
    expect((await run(['validate', '--overlay', 'dev'])).err).toBe('planton: --overlay needs --kustomize-dir DIR (the directory holding base/ and overlays/)\n');
    expect((await run(['load-manifest', '--kustomize-dir', 'k'])).err).toBe('planton: --kustomize-dir needs --overlay NAME (one of the directories in its overlays/)\n');
    const both = await run(['plan', '-f', 'x.yaml', '--kustomize-dir', 'k', '--overlay', 'typo']);
    expect(both).toEqual({ code: 1, out: '', err: 'planton: --manifest and --kustomize-dir both name the manifest; give one of them\n' });
  });

  test('with neither kustomize nor kubectl on PATH the error names both', async () => {
    const empty = join(dir, 'empty-bin');
    mkdirSync(empty, { recursive: true });
    const r = await run(['validate', '--kustomize-dir', 'k', '--overlay', 'typo'], { ...process.env, PATH: empty });
    expect(r).toEqual({
      code: 1,
      out: '',
      err:
        'planton: --kustomize-dir needs kustomize: neither `kustomize` nor `kubectl` (which has `kubectl kustomize` built in) is on PATH\n' +
        '  Install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/).\n',
    });
  });

  test('a standalone kustomize on PATH is run as `kustomize build DIR`, and its warnings are passed on', async () => {
    // A stand-in that logs its argv, warns like kustomize does about a deprecated field, then builds with
    // kubectl: shows which binary and arguments planton chose and what it does with a warning.
    const bin = join(dir, 'kustomize-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'kustomize'), `#!/bin/sh\necho "$@" > "${join(dir, 'kustomize-argv')}"\necho "# Warning: 'commonLabels' is deprecated." >&2\nexec "${kustomizer}" kustomize "$2"\n`);
    chmodSync(join(bin, 'kustomize'), 0o755);
    const r = await run(['validate', '--kustomize-dir', 'k', '--overlay', 'typo'], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
    expect(r.err).toBe(
      "planton: manifest from overlay 'typo' (k/overlays/typo), built by kustomize build into k/.planton/overlays/typo/manifest.yaml\n" +
        "planton: kustomize build warns: Warning: 'commonLabels' is deprecated.\n",
    );
    expect(readFileSync(join(dir, 'kustomize-argv'), 'utf8')).toBe(`build ${join(dir, 'k/overlays/typo')}\n`);
  });
});
