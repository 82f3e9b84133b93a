import { matchesPath, withoutSubstitutions } from '../../../src/plan/substitutions.js';
import type { Change, PlanAnalysis } from '../../../src/plan/types.js';

const change = (manifestPath: string): Change => ({ address: 'module.dynamodb.aws_dynamodb_table.this', action: 'update', manifestPath, effect: 'in-place', detail: manifestPath });

describe('--local substitutions in the summary', () => {
  test('a pattern covers its path, what is under it, and any index name for [*]', () => {
    expect(matchesPath('spec.billingMode', 'spec.billingMode')).toBe(true);
    expect(matchesPath('spec.provisionedThroughput.readCapacityUnits', 'spec.provisionedThroughput')).toBe(true);
    expect(matchesPath('spec.globalSecondaryIndexes[ByEmail].provisionedThroughput.writeCapacityUnits', 'spec.globalSecondaryIndexes[*].provisionedThroughput')).toBe(true);
    expect(matchesPath('spec.globalSecondaryIndexes[ByEmail]', 'spec.globalSecondaryIndexes[*].provisionedThroughput')).toBe(false);
    expect(matchesPath('spec.billingModeX', 'spec.billingMode')).toBe(false);
  });

  test('an on-demand table given its first index under --local: only the index is a manifest change, and the plan stays pending', () => {
    const analysis: PlanAnalysis = {
      changes: [change('spec.billingMode'), change('spec.globalSecondaryIndexes[ByEmail]'), change('spec.provisionedThroughput.readCapacityUnits')],
      drift: [],
      imports: [],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    };
    const shown = withoutSubstitutions(analysis, ['spec.billingMode', 'spec.provisionedThroughput', 'spec.globalSecondaryIndexes[*].provisionedThroughput']);
    expect(shown.changes.map((c) => c.manifestPath)).toEqual(['spec.globalSecondaryIndexes[ByEmail]']);
    expect(shown.pending).toBe(true);
    expect(withoutSubstitutions(analysis, [])).toBe(analysis);
  });
});
