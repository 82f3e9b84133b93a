// Capacities above AWS's default per-table quota (40,000 read and 40,000 write units, provisioned or
// on-demand) are valid AWS input, but the apply fails unless the account's quota was raised: a warning.
import { joinPointer } from '../document/pointer.js';
import type { Violation } from './violation.js';

export const DEFAULT_TABLE_QUOTA_UNITS = 40_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);

export function quotaWarnings(manifest: unknown): Violation[] {
  const out: Violation[] = [];
  const spec = obj(obj(manifest)?.spec);
  if (!spec) return out;
  const look = (o: Obj | undefined, path: (string | number)[], fields: string[]) => {
    for (const f of fields) {
      const v = o?.[f];
      if (typeof v !== 'number' || v <= DEFAULT_TABLE_QUOTA_UNITS) continue;
      out.push({
        code: 'above-default-quota',
        severity: 'warning',
        pointer: joinPointer([...path, f]),
        anchor: 'value',
        message: `${f} ${v} is above AWS's default per-table quota of 40,000 units: the apply fails unless the account's quota was raised (Service Quotas)`,
      });
    }
  };
  const owners: [Obj | undefined, (string | number)[]][] = [[spec, ['spec']]];
  (Array.isArray(spec.globalSecondaryIndexes) ? spec.globalSecondaryIndexes : []).forEach((g, i) => owners.push([obj(g), ['spec', 'globalSecondaryIndexes', i]]));
  for (const [o, path] of owners) {
    look(obj(o?.provisionedThroughput), [...path, 'provisionedThroughput'], ['readCapacityUnits', 'writeCapacityUnits']);
    look(obj(o?.onDemandThroughput), [...path, 'onDemandThroughput'], ['maxReadRequestUnits', 'maxWriteRequestUnits']);
    const as = obj(o?.autoScaling);
    for (const side of ['read', 'write']) look(obj(as?.[side]), [...path, 'autoScaling', side], ['maxCapacity']);
  }
  return out;
}
