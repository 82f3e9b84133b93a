// drift's exit code over mixed results, its plain report, and the scratch root that reads N tables.
import { driftExitCode } from '../../../src/commands/drift.js';
import type { ManifestResult } from '../../../src/fleet/result.js';
import { readTablesRoot, tableAddress } from '../../../src/live/read-root.js';
import { formatDriftText } from '../../../src/live/report-text.js';

const result = (file: string, verdict: ManifestResult['verdict'], more: Partial<ManifestResult> = {}): ManifestResult => ({
  file,
  table: file.replace('.yaml', ''),
  op: 'drift',
  verdict,
  changes: [],
  driftPaths: [],
  diagnostics: [],
  exitCode: verdict === 'no-changes' ? 0 : verdict === 'drift' ? 2 : 1,
  seconds: 1,
  log: '',
  ...more,
});

describe('driftExitCode', () => {
  it.each([
    ['all without drift', 0, ['no-changes', 'no-changes']],
    ['one drifted, the rest without', 2, ['drift', 'no-changes']],
    ['one failed and one drifted', 1, ['failed', 'drift']],
    ['one invalid, the rest without drift', 1, ['no-changes', 'invalid']],
    ['nothing at all', 0, []],
  ] as const)('%s → %d', (_, code, verdicts) => {
    expect(driftExitCode(verdicts.map((v, i) => result(`m${i}.yaml`, v)))).toBe(code);
  });

  it('a path that matched nothing makes it 1 even when every table is fine', () => {
    expect(driftExitCode([result('a.yaml', 'no-changes')], true)).toBe(1);
  });
});

test('the plain report: one line per manifest, then the count', () => {
  const text = formatDriftText(
    [
      result('a.yaml', 'no-changes'),
      result('bb.yaml', 'drift', { driftPaths: ['spec.ttl.enabled', 'spec.tags.team'] }),
      result('c.yaml', 'drift', { reason: "table 'c' does not exist in us-east-1" }),
      result('d.yaml', 'invalid', { table: undefined }),
      result('e.yaml', 'failed', { reason: "could not read table 'e': AccessDeniedException" }),
    ],
    false,
  );
  expect(text).toBe(
    [
      'a.yaml   a  no drift',
      'bb.yaml  bb  drift at spec.ttl.enabled, spec.tags.team',
      "c.yaml   c  table missing: table 'c' does not exist in us-east-1",
      'd.yaml   -  invalid manifest (diagnostics above)',
      "e.yaml   e  failed: could not read table 'e': AccessDeniedException",
      '5 manifests: 1 without drift, 1 drifted, 1 missing, 1 invalid, 1 failed',
      '',
    ].join('\n'),
  );
});

test('the read root imports each table only if ListTables found it, into a placeholder that plans nothing', () => {
  const root = readTablesRoot(['orders', 'my.table']) as {
    import: { for_each: string; to: string; id: string }[];
    resource: { aws_dynamodb_table: Record<string, { count: string; name: string; lifecycle: unknown }> };
    data: object;
  };
  expect(root.data).toEqual({ aws_dynamodb_tables: { planton_existing: {} } });
  const names = '(data.aws_dynamodb_tables.planton_existing.names == null ? [] : data.aws_dynamodb_tables.planton_existing.names)';
  expect(root.import[1]).toEqual({ for_each: `\${contains(${names}, "my.table") ? toset(["my.table"]) : toset([])}`, to: 'aws_dynamodb_table.t1[0]', id: '${each.value}' });
  expect(root.resource.aws_dynamodb_table.t1).toMatchObject({ count: `\${contains(${names}, "my.table") ? 1 : 0}`, name: 'my.table', lifecycle: [{ ignore_changes: 'all' }] });
  expect(tableAddress(0)).toBe('aws_dynamodb_table.t0[0]');
});
