// Rules 26, 27: what CloudWatch and IAM refuse only at apply time, said before any tofu run: an alarm
// period CloudWatch does not take, and resource policy statements IAM cannot read.
import { didYouMean } from '../../document/suggest.js';
import { type Collector, list, num, obj, type Obj, type Path } from './collect.js';

/** The elements of an IAM policy statement; IAM refuses any other at apply time. */
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

// Rule 26: PutMetricAlarm's periods (10 and 30 are the high-resolution ones).
export function checkAlarms(c: Collector, spec: Obj): void {
  const period = num(obj(obj(spec.alarms)?.throttle)?.periodSeconds);
  if (period === undefined || !Number.isInteger(period) || period < 10) return; // the schema's to report
  if (period === 10 || period === 30 || period % 60 === 0) return;
  const below = Math.floor(period / 60) * 60;
  const nearest = below === 0 ? '30 or 60' : `${below} or ${below + 60}`;
  c.add('alarm-period-invalid', ['spec', 'alarms', 'throttle', 'periodSeconds'], `periodSeconds must be 10, 30 or a multiple of 60 (CloudWatch's rule), not ${period}; try ${nearest}`);
}

// Rule 27: every statement says who (Principal or NotPrincipal), what (Action or NotAction) and Effect,
// with no element IAM does not know.
export function checkPolicyStatements(c: Collector, spec: Obj): void {
  list(obj(spec.resourcePolicy)?.Statement).forEach((item, i) => {
    const s = obj(item);
    if (!s) return; // not a mapping: the schema says so
    const path: Path = ['spec', 'resourcePolicy', 'Statement', i];
    const missing: string[] = [];
    if (!Object.hasOwn(s, 'Effect')) missing.push('`Effect` (Allow or Deny)');
    if (!Object.hasOwn(s, 'Principal') && !Object.hasOwn(s, 'NotPrincipal')) missing.push('`Principal` (or `NotPrincipal`)');
    if (!Object.hasOwn(s, 'Action') && !Object.hasOwn(s, 'NotAction')) missing.push('`Action` (or `NotAction`)');
    if (missing.length > 0) {
      const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0];
      c.add('policy-statement-incomplete', path, `statement ${i} needs ${list}: a resource policy statement says who may do what, and whether it is allowed or denied`, 'key');
    }
    if (Object.hasOwn(s, 'Effect') && s.Effect !== 'Allow' && s.Effect !== 'Deny') {
      c.add('policy-effect-invalid', [...path, 'Effect'], `Effect must be Allow or Deny, not ${JSON.stringify(s.Effect)}`);
    }
    for (const k of Object.keys(s)) {
      if (!STATEMENT_KEYS.includes(k)) c.add('policy-statement-unknown-field', [...path, k], `unknown field \`${k}\` in a policy statement${didYouMean(k, STATEMENT_KEYS)}`, 'key');
    }
    for (const [a, b] of [['Principal', 'NotPrincipal'], ['Action', 'NotAction'], ['Resource', 'NotResource']] as const) {
      if (Object.hasOwn(s, a) && Object.hasOwn(s, b)) c.add('policy-statement-conflict', [...path, b], `statement ${i} has both ${a} and ${b}; keep one`, 'key');
    }
  });
}
