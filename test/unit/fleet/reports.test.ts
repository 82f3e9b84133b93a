// The fleet reporters read results only; each format is compared whole, for one fleet of every kind
// of result: an invalid manifest, a failed run, a refused replacement, changes, drift, unchanged tables.
import { formatFleetJson } from '../../../src/fleet/report/json.js';
import { formatFleetMarkdown } from '../../../src/fleet/report/markdown.js';
import { formatFleetText } from '../../../src/fleet/report/text.js';
import type { FleetRun } from '../../../src/fleet/report/verdict.js';
import type { Change } from '../../../src/plan/types.js';
import { result } from './results.js';

const create: Change = { address: 'module.dynamodb.aws_dynamodb_table.this', action: 'create', manifestPath: 'spec', effect: 'create', detail: 'table orders created' };
const ttl: Change = {
  address: 'module.dynamodb.aws_dynamodb_table.this',
  action: 'update',
  manifestPath: 'spec.ttl',
  effect: 'in-place',
  detail: 'TTL on expires_at: enabled false → true',
  before: false,
  after: true,
};

const fleet: FleetRun = {
  op: 'plan',
  seconds: 21.43,
  exitCode: 1,
  results: [
    result({ file: 'tables/bad.yaml', verdict: 'invalid', exitCode: 1, seconds: 0.04, diagnostics: [{ code: 'rule', severity: 'error', message: 'PROVISIONED needs provisionedThroughput', path: 'spec.billingMode', pointer: '/spec/billingMode', file: 'tables/bad.yaml', line: 5, col: 16 }] }),
    result({ file: 'tables/orders.yaml', table: 'orders', verdict: 'changes', exitCode: 2, seconds: 9.81, counts: { add: 1, change: 0, destroy: 0 }, changes: [create], log: 'Plan: 1 to add, 0 to change, 0 to destroy.\n' }),
    result({ file: 'tables/users.yaml', table: 'users', verdict: 'no-changes', seconds: 8.2, log: 'No changes.\n' }),
    result({ file: 'tables/pay.yaml', table: 'payments', verdict: 'failed', exitCode: 1, seconds: 3, reason: 'creating table: ResourceInUseException', log: 'Error: creating table: ResourceInUseException\n' }),
    result({ file: 'tables/events.yaml', table: 'events', verdict: 'drift', exitCode: 2, seconds: 10, counts: { add: 0, change: 1, destroy: 0 }, changes: [ttl], driftPaths: ['spec.ttl'] }),
    result({ file: 'tables/keys.yaml', table: 'keys', verdict: 'refused', exitCode: 1, seconds: 11, reason: 'apply stopped: table keys would be replaced (spec.partitionKey)', log: '-/+ replace\n' }),
    result({ file: 'tables/audit.yaml', table: 'audit', verdict: 'no-changes', seconds: 0.5, reason: 'the live table matches the manifest (one read of every table)' }),
  ],
};

test('text: one row per manifest in the order given, then what needs reading, most urgent first', () => {
  expect(formatFleetText(fleet, { color: false, logs: false })).toBe(TEXT);
});

test('markdown: a pull-request comment, needs-attention first, unchanged tables in one line', () => {
  expect(formatFleetMarkdown(fleet, { logs: false })).toBe(MARKDOWN);
});

test('json: one document, every key present, logs only of failed and refused runs unless asked', () => {
  const doc = JSON.parse(formatFleetJson(fleet, { logs: false }));
  expect(doc.summary).toEqual({ manifests: 7, 'no-changes': 2, changes: 1, drift: 1, applied: 0, destroyed: 0, refreshed: 0, refused: 1, invalid: 1, failed: 1, skipped: 0 });
  expect(Object.keys(doc)).toEqual(['formatVersion', 'op', 'exitCode', 'seconds', 'summary', 'manifests']);
  expect(doc).toMatchObject({ formatVersion: 1, op: 'plan', exitCode: 1, seconds: 21.4 });
  expect(doc.manifests[1]).toEqual({
    file: 'tables/orders.yaml',
    table: 'orders',
    op: 'plan',
    verdict: 'changes',
    counts: { add: 1, change: 0, destroy: 0 },
    changes: [{ manifestPath: 'spec', action: 'create', effect: 'create', detail: 'table orders created', address: 'module.dynamodb.aws_dynamodb_table.this' }],
    driftPaths: [],
    reason: null,
    diagnostics: [],
    exitCode: 2,
    seconds: 9.8,
    log: null,
  });
  expect(doc.manifests[0]).toMatchObject({ table: null, verdict: 'invalid', diagnostics: [{ file: 'tables/bad.yaml', line: 5, col: 16, severity: 'error', code: 'rule', path: 'spec.billingMode', message: 'PROVISIONED needs provisionedThroughput' }] });
  expect(doc.manifests.map((m: { log: string | null }) => m.log)).toEqual([null, null, null, 'Error: creating table: ResourceInUseException\n', null, '-/+ replace\n', null]);
  expect(JSON.parse(formatFleetJson(fleet, { logs: true })).manifests[2].log).toBe('No changes.\n');
});

test('text with --log prints every manifest\'s tofu output, each under its own name', () => {
  const two: FleetRun = { op: 'apply', seconds: 3, exitCode: 0, results: [result({ file: 'a.yaml', table: 'aaa', op: 'apply', verdict: 'no-changes', log: 'one\ntwo\n' }), result({ file: 'b.yaml', table: 'bbb', op: 'apply', verdict: 'no-changes', log: 'three\n' })] };
  expect(formatFleetText(two, { color: false, logs: true })).toBe(
    [
      'planton apply: 2 manifests in 3.0 s: 2 unchanged',
      '',
      '  MANIFEST  TABLE  VERDICT      TIME',
      '  a.yaml    aaa    no changes  1.0 s',
      '  b.yaml    bbb    no changes  1.0 s',
      '',
      'a.yaml (aaa): no changes',
      '  apply output:',
      '  | one',
      '  | two',
      'b.yaml (bbb): no changes',
      '  apply output:',
      '  | three',
      '',
    ].join('\n'),
  );
});

const TEXT = [
  'planton plan: 7 manifests in 21.4 s: 1 refused, 1 failed, 1 invalid, 1 drifted, 1 with changes, 2 unchanged',
  '',
  '  MANIFEST            TABLE     VERDICT                                TIME',
  '  tables/bad.yaml     -         invalid: 1 problem                    0.0 s',
  '  tables/orders.yaml  orders    1 to add, 0 to change, 0 to destroy   9.8 s',
  '  tables/users.yaml   users     no changes                            8.2 s',
  '  tables/pay.yaml     payments  failed                                3.0 s',
  '  tables/events.yaml  events    drift at spec.ttl                    10.0 s',
  '  tables/keys.yaml    keys      replacement refused                  11.0 s',
  '  tables/audit.yaml   audit     no changes                            0.5 s',
  '',
  'tables/keys.yaml (keys): replacement refused: apply stopped: table keys would be replaced (spec.partitionKey)',
  '  plan output:',
  '  | -/+ replace',
  'tables/pay.yaml (payments): failed: creating table: ResourceInUseException',
  '  plan output:',
  '  | Error: creating table: ResourceInUseException',
  'tables/bad.yaml: invalid',
  '  tables/bad.yaml:5:16  spec.billingMode  PROVISIONED needs provisionedThroughput',
  'tables/events.yaml (events): drift at spec.ttl',
  '  ~ spec.ttl: TTL on expires_at: enabled false → true',
  'tables/orders.yaml (orders): 1 to add, 0 to change, 0 to destroy',
  '  + spec: table orders created',
  'tables/audit.yaml (audit): no changes: the live table matches the manifest (one read of every table)',
  '',
].join('\n');

const MARKDOWN = [
  '### planton plan: 7 manifests',
  '',
  '**1 refused, 1 failed, 1 invalid, 1 drifted, 1 with changes, 2 unchanged** · exit code 1 · 21.4 s',
  '',
  '#### Needs attention',
  '',
  '| Manifest | Table | Verdict |',
  '|---|---|---|',
  '| `tables/keys.yaml` | `keys` | replacement refused: apply stopped: table keys would be replaced (spec.partitionKey) |',
  '| `tables/pay.yaml` | `payments` | failed: creating table: ResourceInUseException |',
  '| `tables/bad.yaml` | – | invalid: 1 problem |',
  '',
  '<details><summary>tables/keys.yaml: plan output</summary>',
  '',
  '```text',
  '-/+ replace',
  '```',
  '',
  '</details>',
  '',
  '<details><summary>tables/pay.yaml: plan output</summary>',
  '',
  '```text',
  'Error: creating table: ResourceInUseException',
  '```',
  '',
  '</details>',
  '',
  '<details><summary>tables/bad.yaml: problems</summary>',
  '',
  '```text',
  'tables/bad.yaml:5:16  spec.billingMode  PROVISIONED needs provisionedThroughput',
  '```',
  '',
  '</details>',
  '',
  '#### Changes',
  '',
  '**`tables/orders.yaml`** → table `orders`: 1 to add, 0 to change, 0 to destroy',
  '',
  '- `+ spec: table orders created`',
  '',
  '**`tables/events.yaml`** → table `events`: drift at spec.ttl',
  '',
  '- `~ spec.ttl: TTL on expires_at: enabled false → true`',
  '',
  '#### Unchanged',
  '',
  '2 unchanged: `users` (`tables/users.yaml`), `audit` (`tables/audit.yaml`)',
  '',
].join('\n');
