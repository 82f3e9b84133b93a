// The bounds that tf-module/variables.tf checks are the schema's (src/generated/bounds.ts): a bound changed
// in the schema and not in the module (or the other way round) fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_BOUNDS } from '../../src/generated/bounds.js';
import { repoRoot } from '../helpers/repo.js';

const variablesTf = readFileSync(join(repoRoot, 'tf-module', 'variables.tf'), 'utf8');

/** The text of `variable "name" { … }` (up to the next top-level closing brace). */
function variableBlock(name: string): string {
  const start = variablesTf.indexOf(`variable "${name}" {`);
  if (start < 0) throw new Error(`variables.tf has no variable ${name}`);
  return variablesTf.slice(start, variablesTf.indexOf('\n}\n', start) + 2);
}

/** Every number the pattern captures, in order, throughout the block. */
function numbers(block: string, pattern: RegExp): number[] {
  return [...block.matchAll(pattern)].map((m) => Number(m[1]));
}

describe('tf-module/variables.tf holds to the schema bounds', () => {
  test('point-in-time recovery days: the validation, its message and the description say the schema range', () => {
    const { minimum, maximum } = SCHEMA_BOUNDS.pointInTimeRecovery.recoveryPeriodInDays;
    expect([minimum, maximum]).toEqual([1, 35]);
    const block = variableBlock('point_in_time_recovery_period_in_days');
    expect(numbers(block, /var\.point_in_time_recovery_period_in_days >= (\d+)/g)).toEqual([minimum]);
    expect(numbers(block, /var\.point_in_time_recovery_period_in_days <= (\d+)/g)).toEqual([maximum]);
    expect(block).toContain(`must be between ${minimum} and ${maximum}.`);
    expect(block).toContain(`Days of point-in-time recovery, ${minimum}-${maximum};`);
  });

  test('index counts: at most the schema maxItems of global and local secondary indexes', () => {
    expect(numbers(variableBlock('global_secondary_indexes'), /length\(var\.global_secondary_indexes\) <= (\d+)/g)).toEqual([SCHEMA_BOUNDS.spec.globalSecondaryIndexes.maxItems]);
    expect(numbers(variableBlock('local_secondary_indexes'), /length\(var\.local_secondary_indexes\) <= (\d+)/g)).toEqual([SCHEMA_BOUNDS.spec.localSecondaryIndexes.maxItems]);
  });

  test('tags: their count and the lengths of keys and values', () => {
    const block = variableBlock('tags');
    const tags = SCHEMA_BOUNDS.awsTags;
    expect(numbers(block, /length\(var\.tags\) <= (\d+)/g)).toEqual([tags.maxProperties]);
    expect(numbers(block, /length\(k\) >= (\d+)/g)).toEqual([tags.propertyNames.minLength]);
    expect(numbers(block, /length\(k\) <= (\d+)/g)).toEqual([tags.propertyNames.maxLength]);
    expect(numbers(block, /length\(v\) <= (\d+)/g)).toEqual([tags.additionalProperties.maxLength]);
  });

  test('autoscaling: the target value range of every autoscaled side is the schema targetUtilization range', () => {
    const { minimum, maximum } = SCHEMA_BOUNDS.autoScalingTarget.targetUtilization;
    for (const name of ['autoscaling_read', 'autoscaling_write', 'autoscaling_indexes']) {
      const block = variableBlock(name);
      expect({ name, low: numbers(block, /\.target_value >= (\d+)/g), high: numbers(block, /\.target_value <= (\d+)/g) }).toEqual({ name, low: [minimum], high: [maximum] });
      expect(block).toContain(`target_value ${minimum}-${maximum}`);
    }
  });
});
