import { autoscaledPaths, matchesPath, withoutOwnedDrift, withoutSubstitutions } from '../../../src/plan/substitutions.js';
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

describe('autoscaled capacities are not drift', () => {
  const drift = (manifestPath: string): Change => ({ ...change(manifestPath), detail: `changed outside planton: ${manifestPath}` });

  test('the paths are the autoscaled dimensions of the table and of each index', () => {
    expect(
      autoscaledPaths({
        autoScaling: { read: {} },
        globalSecondaryIndexes: [{ name: 'ByEmail', autoScaling: { write: {} } }, { name: 'Fixed' }],
      }),
    ).toEqual(['spec.provisionedThroughput.readCapacityUnits', 'spec.globalSecondaryIndexes[ByEmail].provisionedThroughput.writeCapacityUnits']);
    expect(autoscaledPaths({})).toEqual([]);
  });

  test('their drift is dropped, other drift stays, and a plan left with nothing is not pending', () => {
    const analysis: PlanAnalysis = {
      changes: [],
      drift: [drift('spec.provisionedThroughput.readCapacityUnits'), drift('spec.provisionedThroughput.writeCapacityUnits')],
      imports: [],
      replacesTable: false,
      deletesTable: false,
      pending: true,
    };
    const owned = ['spec.provisionedThroughput.readCapacityUnits'];
    expect(withoutOwnedDrift(analysis, owned)).toMatchObject({ drift: [{ manifestPath: 'spec.provisionedThroughput.writeCapacityUnits' }], pending: true });
    expect(withoutOwnedDrift({ ...analysis, drift: [analysis.drift[0]!] }, owned)).toMatchObject({ drift: [], pending: false });
  });
});
