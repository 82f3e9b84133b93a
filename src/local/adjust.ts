// What `--local` turns off because DynamoDB Local cannot hold it: each dropped feature gets exactly one
// warning, and nothing else in the manifest changes. Used only for --local runs: real AWS always gets
// the manifest as written, so no diff AWS would show is ever hidden. Features are named as plan summaries name them.
import { field } from '../catalogue/fields.js';
import type { AwsDynamodb, AwsDynamodbSpec } from '../generated/manifest.js';

export interface LocalAdjustment {
  manifest: AwsDynamodb;
  warnings: string[];
  /** Manifest paths (`*` for any index name) whose value the run substitutes rather than drops: the
   *  plan's changes there follow the substitution, not the manifest, so the summary leaves them out. */
  substitutedPaths: string[];
}

/** For the features named in the plural (tags, replicas, alarms). */
const ARE_NOT_SUPPORTED = 'are not supported by DynamoDB Local';
const skipped = (what: string, why = 'is not supported by DynamoDB Local', instead = 'skipped') =>
  `--local: ${what} ${why}; ${instead} for this run`;

/** Features that DynamoDB Local rejects, ignores, or reads back differently (a diff on every plan). */
const GAPS: { what: string; why?: string; instead?: string; paths?: string[]; present(spec: AwsDynamodbSpec): boolean; drop(spec: AwsDynamodbSpec): void }[] = [
  {
    // UpdateContinuousBackups is an unknown operation.
    what: field('spec.pointInTimeRecovery').label,
    present: (s) => s.pointInTimeRecovery !== undefined && s.pointInTimeRecovery.enabled !== false,
    drop: (s) => void delete s.pointInTimeRecovery,
  },
  {
    // Created ACTIVE but DescribeTable returns no SSEDescription: the next plan would want to enable it again.
    what: field('spec.serverSideEncryption').label,
    why: 'is not reported by DynamoDB Local',
    present: (s) => s.serverSideEncryption?.enabled === true,
    drop: (s) => void delete s.serverSideEncryption,
  },
  {
    // DescribeTable returns no TableClassSummary, so the provider reads STANDARD back.
    what: 'table class STANDARD_INFREQUENT_ACCESS',
    why: 'is not reported by DynamoDB Local',
    present: (s) => s.tableClass === 'STANDARD_INFREQUENT_ACCESS',
    drop: (s) => void delete s.tableClass,
  },
  {
    // DescribeTable from DynamoDB Local omits ProvisionedThroughput on the indexes of an on-demand table
    // (AWS returns 0/0), and provider 5.100 then reads each index back without its name: a diff on every
    // plan. Provisioned indexes read back exactly, and DynamoDB Local enforces no capacity.
    what: 'on-demand billing of a table with global secondary indexes',
    why: 'is read back wrongly by DynamoDB Local',
    instead: 'PROVISIONED at 1 read/1 write unit per table and index',
    paths: ['spec.billingMode', 'spec.provisionedThroughput', 'spec.onDemandThroughput', 'spec.globalSecondaryIndexes[*].provisionedThroughput', 'spec.globalSecondaryIndexes[*].onDemandThroughput'],
    present: (s) => s.billingMode !== 'PROVISIONED' && (s.globalSecondaryIndexes ?? []).length > 0,
    drop: (s) => {
      s.billingMode = 'PROVISIONED';
      delete s.onDemandThroughput;
      s.provisionedThroughput = { readCapacityUnits: 1, writeCapacityUnits: 1 };
      s.globalSecondaryIndexes?.forEach((g) => {
        delete g.onDemandThroughput;
        g.provisionedThroughput = { readCapacityUnits: 1, writeCapacityUnits: 1 };
      });
    },
  },
  {
    // Application Auto Scaling is a separate AWS service that DynamoDB Local does not emulate.
    what: field('spec.autoScaling').label,
    present: (s) => s.autoScaling !== undefined || (s.globalSecondaryIndexes ?? []).some((g) => g.autoScaling !== undefined),
    drop: (s) => {
      delete s.autoScaling;
      s.globalSecondaryIndexes?.forEach((g) => delete g.autoScaling);
    },
  },
  {
    what: 'replicas (global table)',
    why: ARE_NOT_SUPPORTED,
    present: (s) => (s.replicas ?? []).length > 0,
    drop: (s) => void delete s.replicas,
  },
  {
    what: 'importTable (the table is created empty)',
    present: (s) => s.importTable !== undefined,
    drop: (s) => void delete s.importTable,
  },
  {
    what: 'restore (the table is created empty)',
    present: (s) => s.restore !== undefined,
    drop: (s) => void delete s.restore,
  },
  {
    // CloudWatch is another AWS service.
    what: 'throttle alarms',
    why: ARE_NOT_SUPPORTED,
    present: (s) => s.alarms?.throttle !== undefined && s.alarms.throttle.enabled !== false,
    drop: (s) => void delete s.alarms,
  },
  {
    what: field('spec.contributorInsightsEnabled').label,
    present: (s) => s.contributorInsightsEnabled === true,
    drop: (s) => void delete s.contributorInsightsEnabled,
  },
  {
    what: 'resourcePolicy',
    present: (s) => s.resourcePolicy !== undefined,
    drop: (s) => void delete s.resourcePolicy,
  },
];

export function adjustForLocal(manifest: AwsDynamodb): LocalAdjustment {
  const copy = structuredClone(manifest);
  const warnings: string[] = [];
  const substitutedPaths: string[] = [];
  for (const gap of GAPS) {
    if (!gap.present(copy.spec)) continue;
    gap.drop(copy.spec);
    warnings.push(skipped(gap.what, gap.why, gap.instead));
    substitutedPaths.push(...(gap.paths ?? []));
  }
  // Tag updates fail and ListTagsOfResource is unreliable: labels reach AWS only as tags.
  const hasTags = Object.keys(copy.spec.tags ?? {}).length > 0 || Object.keys(copy.metadata.labels ?? {}).length > 0;
  if (hasTags) {
    delete copy.spec.tags;
    delete copy.metadata.labels;
    warnings.push(skipped('tags (and metadata.labels)', ARE_NOT_SUPPORTED));
  }
  return { manifest: copy, warnings, substitutedPaths };
}
