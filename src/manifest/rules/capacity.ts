// Rules 4, 12, 18, 25: throughput by billing mode, auto scaling and on-demand throughput blocks.
import { type Collector, has, num, obj, type Obj, type Path, str } from './collect.js';

// Rule 4: throughput settings that depend on the billing mode.
export function checkBilling(c: Collector, spec: Obj, billing: unknown, gsis: unknown[]): void {
  if (billing === 'PROVISIONED') {
    if (!has(spec, 'provisionedThroughput')) {
      c.add('provisioned-needs-throughput', ['spec', 'billingMode'], 'billingMode PROVISIONED needs spec.provisionedThroughput with readCapacityUnits and writeCapacityUnits (each at least 1)');
    }
    gsis.forEach((g, i) => {
      const o = obj(g);
      if (o && !has(o, 'provisionedThroughput')) {
        c.add('provisioned-needs-throughput', ['spec', 'globalSecondaryIndexes', i], `index \`${str(o.name) ?? i}\` needs provisionedThroughput (readCapacityUnits and writeCapacityUnits) because billingMode is PROVISIONED`);
      }
    });
  }
  if (billing === 'PAY_PER_REQUEST') {
    const forbid = (o: Obj | undefined, path: Path) => {
      if (has(o, 'provisionedThroughput')) c.add('on-demand-forbids-throughput', [...path, 'provisionedThroughput'], 'provisionedThroughput is only for billingMode PROVISIONED; remove it or set spec.billingMode: PROVISIONED', 'key');
      if (has(o, 'autoScaling')) c.add('on-demand-forbids-autoscaling', [...path, 'autoScaling'], 'autoScaling is only for billingMode PROVISIONED; remove it or set spec.billingMode: PROVISIONED', 'key');
    };
    forbid(spec, ['spec']);
    gsis.forEach((g, i) => forbid(obj(g), ['spec', 'globalSecondaryIndexes', i]));
  } else if (billing === 'PROVISIONED') {
    const forbid = (o: Obj | undefined, path: Path) => {
      if (has(o, 'onDemandThroughput')) c.add('provisioned-forbids-on-demand-throughput', [...path, 'onDemandThroughput'], 'onDemandThroughput is only for billingMode PAY_PER_REQUEST; remove it or use provisionedThroughput', 'key');
    };
    forbid(spec, ['spec']);
    gsis.forEach((g, i) => forbid(obj(g), ['spec', 'globalSecondaryIndexes', i]));
  }
}

// Rules 12, 25.
export function checkAutoScaling(c: Collector, as: Obj | undefined, path: Path): void {
  if (!as) return;
  if (!has(as, 'read') && !has(as, 'write')) {
    c.add('autoscaling-empty', path, 'autoScaling needs read, write or both', 'key');
  }
  for (const side of ['read', 'write'] as const) {
    const s = obj(as[side]);
    if (!s) continue;
    const min = num(s.minCapacity);
    const max = num(s.maxCapacity);
    if (min !== undefined && max !== undefined && min >= 1 && min > max) {
      c.add('autoscaling-min-above-max', [...path, side, 'minCapacity'], `minCapacity ${min} is above maxCapacity ${max}`);
    }
  }
}

// Rule 18: -1 is AWS's own "no limit" (what DescribeTable reports for an unset maximum), so it is kept.
export function checkOnDemand(c: Collector, od: Obj | undefined, path: Path): void {
  if (!od) return;
  if (!has(od, 'maxReadRequestUnits') && !has(od, 'maxWriteRequestUnits')) {
    c.add('on-demand-throughput-empty', path, 'onDemandThroughput needs maxReadRequestUnits, maxWriteRequestUnits or both (each at least 1, or -1 for no limit)', 'key');
  }
  for (const k of ['maxReadRequestUnits', 'maxWriteRequestUnits']) {
    const v = num(od[k]);
    if (v !== undefined && Number.isInteger(v) && v < 1 && v !== -1) {
      c.add('on-demand-units-invalid', [...path, k], `${k} must be at least 1, or -1 for no limit, not ${v}`);
    }
  }
}
