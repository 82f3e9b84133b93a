// The optional feature blocks: replicas, import, throttle alarm, and the fields the catalogue copies as they are.
import type { AwsDynamodb } from '../generated/manifest.js';
import { FIELDS } from '../catalogue/fields.js';
import type { ImportTableVars, ReplicaVars, ThrottleAlarmVars } from './types.js';

/** A feature block is on when present (`--local` may delete it) and enabled (the schema fills `enabled: true`). */
export function isOn(block: { enabled?: boolean } | undefined): boolean {
  return block?.enabled === true;
}

export function replicas(spec: AwsDynamodb['spec']): ReplicaVars[] {
  return (spec.replicas ?? []).map((r) => ({
    region_name: r.regionName,
    kms_key_arn: r.kmsKeyArn ?? null,
    point_in_time_recovery: r.pointInTimeRecovery!,
    propagate_tags: r.propagateTags!,
  }));
}

export function importTable(spec: AwsDynamodb['spec']): ImportTableVars | null {
  const imp = spec.importTable;
  return imp
    ? {
        input_format: imp.inputFormat,
        input_compression_type: imp.inputCompressionType!,
        s3_bucket_source: {
          bucket: imp.s3BucketSource.bucket,
          bucket_owner: imp.s3BucketSource.bucketOwner ?? null,
          key_prefix: imp.s3BucketSource.keyPrefix ?? null,
        },
        csv:
          imp.inputFormat === 'CSV' && imp.csv
            ? { delimiter: imp.csv.delimiter!, header_list: imp.csv.headerList ? [...imp.csv.headerList] : null }
            : null,
      }
    : null;
}

export function throttleAlarm(spec: AwsDynamodb['spec']): ThrottleAlarmVars | null {
  const throttle = spec.alarms?.throttle;
  return isOn(throttle)
    ? {
        enabled: true,
        threshold: throttle!.threshold!,
        period_seconds: throttle!.periodSeconds!,
        evaluation_periods: throttle!.evaluationPeriods!,
        alarm_actions: [...(throttle!.alarmActions ?? [])],
      }
    : null;
}

/** The variables of `copied` fields: the manifest value as it is, null when absent. */
export function copiedVars(manifest: AwsDynamodb): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!f.copied) continue;
    let value: unknown = manifest;
    for (const key of f.path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    out[f.tfvars[0]!] = value ?? null;
  }
  return out;
}
