// Rules 13, 14, 19, 20, 23, 24, 27, 28: import from S3, tags, restore, resource policy size and timeouts.
import { SCHEMA_BOUNDS } from '../../generated/bounds.js';
import { bytes, chars, type Collector, has, list, obj, type Obj, type Path, str } from './collect.js';

const TAG_CHARS_RE = /^[\p{L}\p{N}\s+\-=._:/]*$/u;
const DURATION_RE = /^(?=.)(\d+h)?(\d+m)?(\d+s)?$/;
const CSV_DELIMITERS = [',', ';', ':', '|', '\t', ' '];
const TAG_BOUNDS = SCHEMA_BOUNDS.awsTags;
const MAX_TAGS = TAG_BOUNDS.maxProperties;
const { minLength: MIN_KEY, maxLength: MAX_KEY } = TAG_BOUNDS.propertyNames;
const MAX_VALUE = TAG_BOUNDS.additionalProperties.maxLength;
const MAX_POLICY_BYTES = 20 * 1024;
/** terraform reads durations with Go's time.ParseDuration: an int64 of nanoseconds. */
const MAX_GO_DURATION_NS = 2n ** 63n - 1n;

// Rules 13, 19.
export function checkImport(c: Collector, spec: Obj, lsis: unknown[]): void {
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

// Rules 14, 20, 28: labels and tags become the table's tags.
export function checkTags(c: Collector, metadata: Obj | undefined, spec: Obj | undefined): void {
  const keys = new Set<string>();
  const visit = (map: Obj | undefined, base: Path, what: string) => {
    if (!map) return;
    for (const [k, v] of Object.entries(map)) {
      keys.add(k);
      const path = [...base, k];
      if (chars(k) < MIN_KEY || chars(k) > MAX_KEY) c.add('tag-key-length', path, `${what} key \`${k}\` must be ${MIN_KEY}-${MAX_KEY} characters`, 'key');
      if (k.toLowerCase().startsWith('aws:')) c.add('tag-key-aws-prefix', path, `${what} key \`${k}\` starts with \`aws:\`, which AWS reserves`, 'key');
      else if (!TAG_CHARS_RE.test(k)) c.add('tag-key-characters', path, `${what} key \`${k}\` may only use letters, digits, spaces and + - = . _ : /`, 'key');
      if (typeof v !== 'string') continue;
      if (chars(v) > MAX_VALUE) c.add('tag-value-length', path, `${what} value is ${chars(v)} characters; the limit is ${MAX_VALUE}`);
      if (!TAG_CHARS_RE.test(v)) c.add('tag-value-characters', path, `${what} value may only use letters, digits, spaces and + - = . _ : /`);
    }
  };
  const labels = obj(metadata?.labels);
  const tags = obj(spec?.tags);
  visit(labels, ['metadata', 'labels'], 'label');
  visit(tags, ['spec', 'tags'], 'tag');
  // Rule 28: both maps become one set of tags; which value to keep is not ours to guess.
  for (const [k, v] of Object.entries(tags ?? {})) {
    const label = labels?.[k];
    if (Object.hasOwn(labels ?? {}, k) && typeof label === 'string' && typeof v === 'string' && label !== v) {
      c.add('tag-label-conflict', ['spec', 'tags', k], `tag \`${k}\` is ${JSON.stringify(v)} here but ${JSON.stringify(label)} in metadata.labels; both become the table's tags, so give them the same value or drop one`, 'key');
    }
  }
  if (keys.size > MAX_TAGS) {
    const labelCount = Object.keys(obj(metadata?.labels) ?? {}).length;
    const where: Path = spec && has(spec, 'tags') && labelCount <= MAX_TAGS ? ['spec', 'tags'] : ['metadata', 'labels'];
    c.add('too-many-tags', where, `metadata.labels and spec.tags make ${keys.size} tags on the table; the limit is ${MAX_TAGS}`, 'key');
  }
}

// Rules 23, 27.
export function checkRestore(c: Collector, spec: Obj, now: Date): void {
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
  const when = str(r.restoreDateTime);
  // Only a time with its offset (RFC 3339, as the schema asks) is compared: without one it would be read as local time.
  const time = when === undefined || !/(?:Z|[+-]\d\d:\d\d)$/i.test(when) ? NaN : Date.parse(when);
  // An unparsable time is the schema's (format date-time); a future one AWS refuses at apply time.
  if (time > now.getTime()) {
    c.add('restore-time-in-future', [...path, 'restoreDateTime'], `restoreDateTime ${when} is in the future; a table can only be restored to a time that has passed, or use useLatestRestorableTime: true`);
  }
  if (has(spec, 'importTable')) {
    c.add('restore-with-import', path, 'restore and importTable both create the table from existing data; keep one', 'key');
  }
}

// Rules 24, 27.
export function checkPolicyAndTimeouts(c: Collector, spec: Obj): void {
  const policy = spec.resourcePolicy;
  if (policy !== undefined && policy !== null) {
    const path: Path = ['spec', 'resourcePolicy'];
    const size = bytes(JSON.stringify(policy));
    if (size > MAX_POLICY_BYTES) c.add('resource-policy-too-large', path, `resourcePolicy is ${size} bytes as JSON; the limit is 20 KB (${MAX_POLICY_BYTES} bytes)`, 'key');
  }
  const timeouts = obj(spec.timeouts);
  for (const [k, v] of Object.entries(timeouts ?? {})) {
    if (typeof v !== 'string') continue;
    const m = DURATION_RE.exec(v);
    if (!m) {
      c.add('timeout-invalid-duration', ['spec', 'timeouts', k], `timeouts.${k} must be a duration in hours, minutes and seconds like 30m, 2h or 1h30m, not \`${v}\``);
    } else if (nanoseconds(m) > MAX_GO_DURATION_NS) {
      c.add('timeout-too-long', ['spec', 'timeouts', k], `timeouts.${k} is \`${v}\`, longer than terraform can hold (a duration is at most about 2,562,047 hours); use a shorter one like 2h`);
    }
  }
}

function nanoseconds(m: RegExpExecArray): bigint {
  const part = (s: string | undefined) => BigInt(s === undefined ? 0 : s.slice(0, -1));
  return (part(m[1]) * 3600n + part(m[2]) * 60n + part(m[3])) * 1_000_000_000n;
}
