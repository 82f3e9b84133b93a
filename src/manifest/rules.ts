// The cross-field rules of docs/contract.md `rules` that JSON Schema cannot say (or cannot say well),
// plus the quota warnings and hidden-character checks. Runs on whatever shape the document has (every
// access is guarded), so a user sees all problems at once; where a rule and the schema speak about the
// same pointer, index.ts keeps the rule's sentence and drops the schema's.
import { joinPointer } from '../pointer.js';
import type { Anchor } from './locate.js';
import type { Violation } from './violation.js';
import { SCALAR_TYPES } from './key-types.js';
import { checkNameCharacters } from './name-characters.js';
import { quotaWarnings } from './quotas.js';
import { NAME_RE } from './table-name.js';

export interface RuleContext {
  /** The provider region when known (rule 11); undefined skips the replica-region check. */
  region?: string;
}

type Obj = Record<string, unknown>;
type Path = (string | number)[];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const has = (o: Obj | undefined, k: string): boolean => o !== undefined && o[k] !== undefined && o[k] !== null;

const KMS_KEY_ARN_RE = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[A-Za-z0-9-]+$/;
const TAG_CHARS_RE = /^[\p{L}\p{N}\s+\-=._:/]*$/u;
const DURATION_RE = /^(?=.)(\d+h)?(\d+m)?(\d+s)?$/;
const KEY_TYPES: readonly unknown[] = SCALAR_TYPES;
const CSV_DELIMITERS = [',', ';', ':', '|', '\t', ' '];
const MAX_TAGS = 50;
const MAX_PROJECTED = 100;
const MAX_POLICY_BYTES = 20 * 1024;

const chars = (s: string): number => [...s].length;
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

class Collector {
  readonly out: Violation[] = [];
  add(code: string, path: Path, message: string, anchor: Anchor = 'value'): void {
    this.out.push({ code, pointer: joinPointer(path), anchor, message });
  }
}

interface KeyUse {
  name: string;
  type: unknown;
  path: Path;
}

/** Every rule, in the order of docs/contract.md `rules`. Returns violations in document-ish order (callers sort by position). */
export function checkRules(manifest: unknown, ctx: RuleContext = {}): Violation[] {
  const c = new Collector();
  const root = obj(manifest);
  if (!root) return c.out;
  const metadata = obj(root.metadata);
  const spec = obj(root.spec);
  if (!spec) {
    checkTags(c, metadata, undefined);
    return c.out;
  }
  // An unknown billing mode is the schema's to report; the mode-dependent rules then stay quiet.
  const billing = spec.billingMode === undefined ? 'PAY_PER_REQUEST' : spec.billingMode;
  const gsis = list(spec.globalSecondaryIndexes);
  const lsis = list(spec.localSecondaryIndexes);

  checkNames(c, metadata, spec, gsis, lsis);
  checkKeys(c, spec, gsis, lsis);
  checkBilling(c, spec, billing, gsis);
  checkIndexes(c, spec, gsis, lsis);
  checkTtlStreamPitrSse(c, spec);
  checkReplicas(c, spec, billing, ctx);
  checkAutoScaling(c, obj(spec.autoScaling), ['spec', 'autoScaling']);
  gsis.forEach((g, i) => checkAutoScaling(c, obj(obj(g)?.autoScaling), ['spec', 'globalSecondaryIndexes', i, 'autoScaling']));
  checkOnDemand(c, obj(spec.onDemandThroughput), ['spec', 'onDemandThroughput']);
  gsis.forEach((g, i) => checkOnDemand(c, obj(obj(g)?.onDemandThroughput), ['spec', 'globalSecondaryIndexes', i, 'onDemandThroughput']));
  checkImport(c, spec, lsis);
  checkTags(c, metadata, spec);
  checkRestore(c, spec);
  checkPolicyAndTimeouts(c, spec);
  return [...c.out, ...checkNameCharacters(root), ...quotaWarnings(root)];
}

// Rule 2: table and index names; index names unique across GSIs and LSIs.
function checkNames(c: Collector, metadata: Obj | undefined, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
  const tableName = str(spec.tableName);
  const metaName = str(metadata?.name);
  if (tableName !== undefined) {
    if (!NAME_RE.test(tableName)) c.add('table-name-invalid', ['spec', 'tableName'], `table name \`${tableName}\` must be 3-255 characters of letters, digits, \`_\`, \`.\` or \`-\``);
  } else if (metaName !== undefined && !NAME_RE.test(metaName)) {
    c.add('table-name-invalid', ['metadata', 'name'], `metadata.name \`${metaName}\` is the table name (spec.tableName is not set), so it must be 3-255 characters of letters, digits, \`_\`, \`.\` or \`-\`; or set spec.tableName`);
  }
  const seen = new Map<string, string>();
  const visit = (kind: 'globalSecondaryIndexes' | 'localSecondaryIndexes', items: unknown[]) =>
    items.forEach((item, i) => {
      const name = str(obj(item)?.name);
      if (name === undefined) return;
      const path: Path = ['spec', kind, i, 'name'];
      if (!NAME_RE.test(name)) c.add('index-name-invalid', path, `index name \`${name}\` must be 3-255 characters of letters, digits, \`_\`, \`.\` or \`-\``);
      const first = seen.get(name);
      if (first !== undefined) c.add('index-name-duplicate', path, `index name \`${name}\` is already used by ${first}; index names are unique across global and local secondary indexes`);
      else seen.set(name, `spec.${kind}[${i}]`);
    });
  visit('globalSecondaryIndexes', gsis);
  visit('localSecondaryIndexes', lsis);
}

// Rules 3, 16, 17: key attribute names, one type per name, a key schema names an attribute once.
function checkKeys(c: Collector, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
  const uses: KeyUse[] = [];
  const key = (v: unknown, path: Path): KeyUse | undefined => {
    const k = obj(v);
    const name = str(k?.name);
    if (!k || name === undefined) return undefined;
    const use = { name, type: k.type, path };
    uses.push(use);
    return use;
  };
  const tablePk = key(spec.partitionKey, ['spec', 'partitionKey']);
  const tableSk = key(spec.sortKey, ['spec', 'sortKey']);
  const sameAsPartition = (pk: KeyUse | undefined, sk: KeyUse | undefined, where: string, pkWhere: string) => {
    if (pk && sk && pk.name === sk.name) {
      c.add('sort-key-same-as-partition-key', [...sk.path, 'name'], `${where} sort key \`${sk.name}\` is the same attribute as ${pkWhere} partition key; a key schema names an attribute once`);
    }
  };
  sameAsPartition(tablePk, tableSk, 'the table', 'its');
  gsis.forEach((g, i) => {
    const o = obj(g);
    const pk = key(o?.partitionKey, ['spec', 'globalSecondaryIndexes', i, 'partitionKey']);
    const sk = key(o?.sortKey, ['spec', 'globalSecondaryIndexes', i, 'sortKey']);
    sameAsPartition(pk, sk, `index \`${str(o?.name) ?? i}\``, 'its');
  });
  lsis.forEach((l, i) => {
    const o = obj(l);
    // An LSI has no partitionKey of its own (the schema refuses one): it always uses the table's.
    const sk = key(o?.sortKey, ['spec', 'localSecondaryIndexes', i, 'sortKey']);
    sameAsPartition(tablePk, sk, `local index \`${str(o?.name) ?? i}\``, "the table's");
  });

  const firstType = new Map<string, KeyUse>();
  for (const use of uses) {
    const n = bytes(use.name);
    if (n === 0) c.add('attribute-name-empty', [...use.path, 'name'], 'a key attribute name cannot be empty');
    else if (n > 255) c.add('attribute-name-too-long', [...use.path, 'name'], `attribute name is ${n} bytes of UTF-8; the limit is 255 bytes`);
    const first = firstType.get(use.name);
    if (!first) firstType.set(use.name, use);
    else if (KEY_TYPES.includes(use.type) && KEY_TYPES.includes(first.type) && use.type !== first.type) {
      c.add('attribute-type-conflict', [...use.path, 'type'], `attribute \`${use.name}\` is ${use.type} here but ${first.type} at ${pathText(first.path)}; an attribute has one type in every key`);
    }
  }
}

// Rule 4: throughput settings that depend on the billing mode.
function checkBilling(c: Collector, spec: Obj, billing: unknown, gsis: unknown[]): void {
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

// Rules 5, 6, 17: index counts, LSI needs a table sort key, projections.
function checkIndexes(c: Collector, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
  if (gsis.length > 20) c.add('too-many-global-indexes', ['spec', 'globalSecondaryIndexes'], `${gsis.length} global secondary indexes; a table has at most 20`);
  if (lsis.length > 5) c.add('too-many-local-indexes', ['spec', 'localSecondaryIndexes'], `${lsis.length} local secondary indexes; a table has at most 5`);
  if (lsis.length > 0 && !has(spec, 'sortKey')) {
    c.add('lsi-needs-table-sort-key', ['spec', 'localSecondaryIndexes'], 'local secondary indexes need a table sort key: add spec.sortKey', 'key');
  }
  let total = 0;
  let reported = false;
  const projections = (kind: string, items: unknown[]) =>
    items.forEach((item, i) => {
      const p = obj(obj(item)?.projection);
      if (!p) return;
      const path: Path = ['spec', kind, i, 'projection'];
      const type = str(p.type) ?? 'ALL';
      const nka = p.nonKeyAttributes;
      const attrs = list(nka);
      if (type === 'INCLUDE' && attrs.length === 0) {
        c.add('include-needs-non-key-attributes', has(p, 'nonKeyAttributes') ? [...path, 'nonKeyAttributes'] : [...path, 'type'], 'projection type INCLUDE needs a non-empty nonKeyAttributes list (the attributes to copy into the index)');
      }
      if (type !== 'INCLUDE' && has(p, 'nonKeyAttributes')) {
        c.add('non-key-attributes-need-include', [...path, 'nonKeyAttributes'], `nonKeyAttributes is only for projection type INCLUDE (this one is ${type}); remove it or set type: INCLUDE`, 'key');
      }
      const seen = new Set<string>();
      attrs.forEach((a, j) => {
        if (typeof a !== 'string') return;
        const n = bytes(a);
        if (n === 0) c.add('attribute-name-empty', [...path, 'nonKeyAttributes', j], 'a non-key attribute name cannot be empty');
        else if (n > 255) c.add('attribute-name-too-long', [...path, 'nonKeyAttributes', j], `attribute name is ${n} bytes of UTF-8; the limit is 255 bytes`);
        if (seen.has(a)) c.add('non-key-attribute-duplicate', [...path, 'nonKeyAttributes', j], `\`${a}\` is listed twice in nonKeyAttributes`);
        seen.add(a);
      });
      total += attrs.length;
      if (total > MAX_PROJECTED && !reported) {
        reported = true;
        c.add('too-many-projected-attributes', [...path, 'nonKeyAttributes'], `this brings the projected non-key attributes, summed over all indexes, to ${total}; the limit is ${MAX_PROJECTED}`);
      }
    });
  projections('globalSecondaryIndexes', gsis);
  projections('localSecondaryIndexes', lsis);
}

// Rules 7, 8, 9, 10.
function checkTtlStreamPitrSse(c: Collector, spec: Obj): void {
  const ttl = obj(spec.ttl);
  // `enabled` defaults to true when the block is present (schema default).
  if (ttl && ttl.enabled !== false && !has(ttl, 'attributeName')) {
    c.add('ttl-needs-attribute-name', ['spec', 'ttl'], 'ttl needs attributeName (the item attribute holding the expiry time, in epoch seconds)', 'key');
  }
  const stream = obj(spec.stream);
  if (stream && stream.enabled !== false && !has(stream, 'viewType')) {
    c.add('stream-needs-view-type', ['spec', 'stream'], 'an enabled stream needs viewType: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES', 'key');
  }
  if (stream?.enabled === false && has(stream, 'viewType')) {
    c.add('stream-view-type-needs-enabled', ['spec', 'stream', 'viewType'], 'viewType is set but stream.enabled is false; AWS rejects a view type without a stream (remove viewType or enable the stream)', 'key');
  }
  const pitr = obj(spec.pointInTimeRecovery);
  if (pitr?.enabled === false && has(pitr, 'recoveryPeriodInDays')) {
    c.add('pitr-period-needs-enabled', ['spec', 'pointInTimeRecovery', 'recoveryPeriodInDays'], 'recoveryPeriodInDays needs pointInTimeRecovery.enabled: true', 'key');
  }
  const days = num(pitr?.recoveryPeriodInDays);
  if (days !== undefined && (days < 1 || days > 35 || !Number.isInteger(days))) {
    c.add('pitr-period-out-of-range', ['spec', 'pointInTimeRecovery', 'recoveryPeriodInDays'], `recoveryPeriodInDays must be a whole number of days from 1 to 35, not ${days}`);
  }
  const sse = obj(spec.serverSideEncryption);
  const kms = sse?.kmsKeyArn;
  if (typeof kms === 'string') {
    if (!KMS_KEY_ARN_RE.test(kms)) {
      c.add('kms-key-arn-invalid', ['spec', 'serverSideEncryption', 'kmsKeyArn'], 'kmsKeyArn must be a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    }
    if (sse?.enabled === false) {
      c.add('kms-key-needs-sse-enabled', ['spec', 'serverSideEncryption', 'kmsKeyArn'], 'kmsKeyArn is set but serverSideEncryption.enabled is false; remove kmsKeyArn or enable encryption', 'key');
    }
  }
}

// Rules 11, 21.
function checkReplicas(c: Collector, spec: Obj, billing: unknown, ctx: RuleContext): void {
  if (!Array.isArray(spec.replicas) || spec.replicas.length === 0) return;
  const replicas = spec.replicas as unknown[];
  const stream = obj(spec.stream);
  if (!stream || stream.enabled === false || stream.viewType !== 'NEW_AND_OLD_IMAGES') {
    c.add('replicas-need-stream', ['spec', 'replicas'], 'replicas need spec.stream with enabled: true and viewType: NEW_AND_OLD_IMAGES', 'key');
  }
  if (billing === 'PROVISIONED' && !has(spec, 'autoScaling')) {
    c.add('replicas-need-autoscaling', ['spec', 'replicas'], 'replicas of a PROVISIONED table need spec.autoScaling so every region scales its capacity', 'key');
  }
  const seen = new Set<string>();
  replicas.forEach((r, i) => {
    const o = obj(r);
    const region = str(o?.regionName);
    if (region === undefined) return;
    const path: Path = ['spec', 'replicas', i, 'regionName'];
    if (seen.has(region)) c.add('replica-region-duplicate', path, `region \`${region}\` has two replicas; each region holds at most one`);
    seen.add(region);
    if (ctx.region !== undefined && region === ctx.region) {
      c.add('replica-region-is-provider-region', path, `\`${region}\` is the table's own region (the provider region); a replica goes to another region`);
    }
    const kms = str(o?.kmsKeyArn);
    if (kms !== undefined) {
      const m = KMS_KEY_ARN_RE.exec(kms);
      if (!m) c.add('kms-key-arn-invalid', ['spec', 'replicas', i, 'kmsKeyArn'], 'kmsKeyArn must be a KMS key ARN like arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
      else if (m[1] !== region) c.add('replica-kms-key-region', ['spec', 'replicas', i, 'kmsKeyArn'], `this KMS key is in ${m[1]} but the replica is in ${region}; use a key of the replica's region`);
    }
  });
}

// Rules 12, 25.
function checkAutoScaling(c: Collector, as: Obj | undefined, path: Path): void {
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

// Rule 18.
function checkOnDemand(c: Collector, od: Obj | undefined, path: Path): void {
  if (od && !has(od, 'maxReadRequestUnits') && !has(od, 'maxWriteRequestUnits')) {
    c.add('on-demand-throughput-empty', path, 'onDemandThroughput needs maxReadRequestUnits, maxWriteRequestUnits or both (each at least 1)', 'key');
  }
}

// Rules 13, 19.
function checkImport(c: Collector, spec: Obj, lsis: unknown[]): void {
  const imp = obj(spec.importTable);
  if (!imp) return;
  const path: Path = ['spec', 'importTable'];
  const csv = obj(imp.csv);
  if (csv && imp.inputFormat !== 'CSV') {
    c.add('import-csv-needs-csv-format', [...path, 'csv'], `csv settings are only for inputFormat: CSV (this import is ${str(imp.inputFormat) ?? 'unset'})`, 'key');
  }
  const owner = imp.s3BucketSource === undefined ? undefined : obj(imp.s3BucketSource)?.bucketOwner;
  if (typeof owner === 'string' && !/^\d{12}$/.test(owner)) {
    c.add('import-bucket-owner-invalid', [...path, 's3BucketSource', 'bucketOwner'], 'bucketOwner must be a 12-digit AWS account id (quote it so YAML keeps leading zeros)');
  }
  if (typeof csv?.delimiter === 'string' && !CSV_DELIMITERS.includes(csv.delimiter)) {
    c.add('import-csv-delimiter-invalid', [...path, 'csv', 'delimiter'], `delimiter ${JSON.stringify(csv.delimiter)} is not allowed; use one of , ; : | a tab or a space`);
  }
  list(csv?.headerList).forEach((h, i) => {
    if (typeof h === 'string' && /[,"]/.test(h)) c.add('import-csv-header-invalid', [...path, 'csv', 'headerList', i], `header \`${h}\` cannot contain a comma or a double quote`);
  });
  if (lsis.length > 0) {
    c.add('import-forbids-lsi', ['spec', 'localSecondaryIndexes'], 'an imported table cannot have local secondary indexes (S3 import creates none, and the next plan would replace the table); remove them or drop importTable', 'key');
  }
}

// Rules 14, 20: labels and tags become the table's tags.
function checkTags(c: Collector, metadata: Obj | undefined, spec: Obj | undefined): void {
  const keys = new Set<string>();
  const visit = (map: Obj | undefined, base: Path, what: string) => {
    if (!map) return;
    for (const [k, v] of Object.entries(map)) {
      keys.add(k);
      const path = [...base, k];
      if (chars(k) < 1 || chars(k) > 128) c.add('tag-key-length', path, `${what} key \`${k}\` must be 1-128 characters`, 'key');
      if (k.toLowerCase().startsWith('aws:')) c.add('tag-key-aws-prefix', path, `${what} key \`${k}\` starts with \`aws:\`, which AWS reserves`, 'key');
      else if (!TAG_CHARS_RE.test(k)) c.add('tag-key-characters', path, `${what} key \`${k}\` may only use letters, digits, spaces and + - = . _ : /`, 'key');
      if (typeof v !== 'string') continue;
      if (chars(v) > 256) c.add('tag-value-length', path, `${what} value is ${chars(v)} characters; the limit is 256`);
      if (!TAG_CHARS_RE.test(v)) c.add('tag-value-characters', path, `${what} value may only use letters, digits, spaces and + - = . _ : /`);
    }
  };
  visit(obj(metadata?.labels), ['metadata', 'labels'], 'label');
  visit(obj(spec?.tags), ['spec', 'tags'], 'tag');
  if (keys.size > MAX_TAGS) {
    const labelCount = Object.keys(obj(metadata?.labels) ?? {}).length;
    const where: Path = spec && has(spec, 'tags') && labelCount <= MAX_TAGS ? ['spec', 'tags'] : ['metadata', 'labels'];
    c.add('too-many-tags', where, `metadata.labels and spec.tags make ${keys.size} tags on the table; the limit is ${MAX_TAGS}`, 'key');
  }
}

// Rule 23.
function checkRestore(c: Collector, spec: Obj): void {
  const r = obj(spec.restore);
  if (!r) return;
  const path: Path = ['spec', 'restore'];
  const sources = ['sourceTableName', 'sourceTableArn'].filter((k) => has(r, k));
  if (sources.length !== 1) {
    c.add('restore-source-exactly-one', sources.length === 0 ? path : [...path, 'sourceTableArn'], sources.length === 0 ? 'restore needs a source: sourceTableName or sourceTableArn' : 'restore names two sources; keep sourceTableName or sourceTableArn, not both', 'key');
  }
  const latest = r.useLatestRestorableTime === true;
  const at = has(r, 'restoreDateTime');
  if (latest === at) {
    c.add('restore-point-exactly-one', latest ? [...path, 'useLatestRestorableTime'] : path, latest ? 'restore names two points in time; keep restoreDateTime or useLatestRestorableTime: true, not both' : 'restore needs a point in time: restoreDateTime (RFC 3339) or useLatestRestorableTime: true', 'key');
  }
  if (has(spec, 'importTable')) {
    c.add('restore-with-import', path, 'restore and importTable both create the table from existing data; keep one', 'key');
  }
}

// Rule 24.
function checkPolicyAndTimeouts(c: Collector, spec: Obj): void {
  const policy = spec.resourcePolicy;
  if (policy !== undefined && policy !== null) {
    const path: Path = ['spec', 'resourcePolicy'];
    const size = bytes(JSON.stringify(policy));
    if (size > MAX_POLICY_BYTES) c.add('resource-policy-too-large', path, `resourcePolicy is ${size} bytes as JSON; the limit is 20 KB (${MAX_POLICY_BYTES} bytes)`, 'key');
  }
  const timeouts = obj(spec.timeouts);
  for (const [k, v] of Object.entries(timeouts ?? {})) {
    if (typeof v === 'string' && !DURATION_RE.test(v)) {
      c.add('timeout-invalid-duration', ['spec', 'timeouts', k], `timeouts.${k} must be a duration in hours, minutes and seconds like 30m, 2h or 1h30m, not \`${v}\``);
    }
  }
}

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
