// `planton tofu load-tfvars` as a function: the tfvars JSON on stdout, or the located report and exit 1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTfvars } from '../../../src/commands/load-tfvars.js';
import { memoryIo } from '../../../src/io.js';

describe('loadTfvars', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'planton-load-tfvars-'));
    mkdirSync(join(dir, 'hack'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints stable tfvars JSON for hack/manifest.yaml by default and exits 0', async () => {
    writeFileSync(
      join(dir, 'hack', 'manifest.yaml'),
      'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: xfusion-users\nspec:\n  partitionKey: { name: xfusion_id, type: STRING }\n',
    );
    const io = memoryIo(dir);
    expect(await loadTfvars({ set: [] }, io)).toBe(0);
    expect(io.err).toBe('');
    const vars = JSON.parse(io.out) as Record<string, unknown>;
    expect(vars).toMatchObject({ table_name: 'xfusion-users', billing_mode: 'PAY_PER_REQUEST', hash_key: 'xfusion_id', attributes: [{ name: 'xfusion_id', type: 'S' }] });
    expect(io.out.endsWith('}\n')).toBe(true);
    expect(Object.keys(vars)).toEqual([...Object.keys(vars)].sort());
  });

  it('applies --set before mapping', async () => {
    writeFileSync(join(dir, 'm.yaml'), 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: orders\nspec:\n  partitionKey: { name: id, type: NUMBER }\n');
    const io = memoryIo(dir);
    expect(await loadTfvars({ manifest: 'm.yaml', set: ['spec.tableClass=STANDARD_INFREQUENT_ACCESS'] }, io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ table_name: 'orders', table_class: 'STANDARD_INFREQUENT_ACCESS', attributes: [{ name: 'id', type: 'N' }] });
  });

  it('prints the located report on stderr, nothing on stdout, and exits 1 for an invalid manifest', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: orders\nspec:\n  partitionKey: { name: id, type: S }\n');
    const io = memoryIo(dir);
    expect(await loadTfvars({ manifest: 'bad.yaml', set: [] }, io)).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toMatch(/^bad\.yaml:6:\d+ {2}spec\.partitionKey\.type {2}/m);
    expect(io.err).toMatch(/bad\.yaml: invalid/);
  });
});
