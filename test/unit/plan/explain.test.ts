import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysePlan, type TerraformPlanJson } from '../../../src/plan/analyse.js';
import { formatSummary, summaryJson } from '../../../src/plan/explain.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'plans');
const analysis = (name: string) => analysePlan(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as TerraformPlanJson);

describe('formatSummary', () => {
  it('prints one line per change under "Changes in manifest terms:" and the loss of items last', () => {
    expect(formatSummary(analysis('change-sort-key'), { color: false })).toBe(
      'Changes in manifest terms:\n' +
        '  -/+ spec.sortKey.name: sort key: sk → order_date; DynamoDB cannot change this on a live table: the table is deleted and created again, and every item in the table will be deleted (REPLACES THE TABLE)\n' +
        'The table will be replaced: every item in the table will be deleted.\n',
    );
  });

  it('prints the replacement in red when colour is on', () => {
    const text = formatSummary(analysis('change-sort-key'), { color: true });
    expect(text).toContain('\u001b[31m  -/+ spec.sortKey.name: sort key: sk → order_date;');
  });

  it('prints drift in its own section, and says when nothing changes', () => {
    expect(formatSummary(analysis('refresh-only-drift'), { color: false })).toBe(
      'No changes in manifest terms.\n' +
        'Changed outside planton (drift):\n' +
        '  ~ spec.provisionedThroughput.readCapacityUnits: changed outside planton: read capacity: 5 → 10\n',
    );
    expect(formatSummary(analysis('no-changes'), { color: false })).toBe('No changes in manifest terms.\n');
  });
});

describe('summaryJson', () => {
  it('has stable field names and order for CI', () => {
    const doc = summaryJson(analysis('capacity-drift'));
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        formatVersion: 1,
        pending: true,
        replacesTable: false,
        deletesTable: false,
        changes: [{ manifestPath: 'spec.provisionedThroughput.readCapacityUnits', action: 'update', effect: 'in-place', detail: 'read capacity: 10 → 5', address: 'module.dynamodb.aws_dynamodb_table.this', before: 10, after: 5 }],
        drift: [{ manifestPath: 'spec.provisionedThroughput.readCapacityUnits', action: 'update', effect: 'in-place', detail: 'changed outside planton: read capacity: 5 → 10', address: 'module.dynamodb.aws_dynamodb_table.this', before: 5, after: 10 }],
        imports: [],
      }),
    );
  });
});

describe('what the driver prints and returns for a plan', () => {
  it('exit code 2 and the drifted field named, for a plan that repairs drift', () => {
    const plan = JSON.parse(readFileSync(join(dir, 'capacity-drift.json'), 'utf8')) as TerraformPlanJson;
    const analysis = analysePlan(plan, { tableNamePath: 'metadata.name' });
    expect(analysis.pending).toBe(true);
    expect(formatSummary(analysis, { color: false })).toBe(
      'Changes in manifest terms:\n' +
        '  ~ spec.provisionedThroughput.readCapacityUnits: read capacity: 10 → 5 (in place, table stays available)\n' +
        'Changed outside planton (drift):\n' +
        '  ~ spec.provisionedThroughput.readCapacityUnits: changed outside planton: read capacity: 5 → 10\n',
    );
    expect(summaryJson(analysis).drift.map((d) => d.manifestPath)).toEqual(['spec.provisionedThroughput.readCapacityUnits']);
  });

  it('nothing pending (exit code 0) for a plan without changes', () => {
    const plan = JSON.parse(readFileSync(join(dir, 'no-changes.json'), 'utf8')) as TerraformPlanJson;
    expect(analysePlan(plan, {}).pending).toBe(false);
  });
});
