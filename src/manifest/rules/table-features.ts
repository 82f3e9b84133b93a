// Rules 7, 8, 9, 10, 11, 21: TTL, stream, point-in-time recovery, encryption and replicas.
import { SCHEMA_BOUNDS } from '../../generated/bounds.js';
import { type Collector, has, KMS_ALIAS_ARN_RE, KMS_KEY_ARN_RE, KMS_KEY_OR_ALIAS_ARN_RE, num, obj, type Obj, type Path, type RuleContext, str } from './collect.js';

// Rules 7, 8, 9, 10.
export function checkTtlStreamPitrSse(c: Collector, spec: Obj): void {
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
  const { minimum, maximum } = SCHEMA_BOUNDS.pointInTimeRecovery.recoveryPeriodInDays;
  if (days !== undefined && (days < minimum || days > maximum || !Number.isInteger(days))) {
    c.add('pitr-period-out-of-range', ['spec', 'pointInTimeRecovery', 'recoveryPeriodInDays'], `recoveryPeriodInDays must be a whole number of days from ${minimum} to ${maximum}, not ${days}`);
  }
  const sse = obj(spec.serverSideEncryption);
  const kms = sse?.kmsKeyArn;
  if (typeof kms === 'string') {
    if (!KMS_KEY_OR_ALIAS_ARN_RE.test(kms)) {
      c.add('kms-key-arn-invalid', ['spec', 'serverSideEncryption', 'kmsKeyArn'], 'kmsKeyArn must be a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab or a KMS alias ARN like arn:aws:kms:us-east-1:123456789012:alias/my-key');
    }
    // DescribeTable answers with the key's ARN and the provider keeps that: an alias never matches it again.
    if (KMS_ALIAS_ARN_RE.test(kms)) {
      c.warn('kms-alias-arn-never-converges', ['spec', 'serverSideEncryption', 'kmsKeyArn'], "DynamoDB takes an alias ARN, but reports the key's own ARN back, so every plan shows kmsKeyArn changing and the table never reaches \"no changes\"; give the ARN of the key the alias points to (aws kms describe-key --key-id ARN shows it)");
    }
    if (sse?.enabled === false) {
      c.add('kms-key-needs-sse-enabled', ['spec', 'serverSideEncryption', 'kmsKeyArn'], 'kmsKeyArn is set but serverSideEncryption.enabled is false; remove kmsKeyArn or enable encryption', 'key');
    }
  }
}

// Rules 11, 21.
export function checkReplicas(c: Collector, spec: Obj, billing: unknown, ctx: RuleContext): void {
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
