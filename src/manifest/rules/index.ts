// The cross-field rules of docs/contract.md `rules` that JSON Schema cannot say (or cannot say well),
// plus the quota warnings and hidden-character checks. Runs on whatever shape the document has (every
// access is guarded), so a user sees all problems at once; where a rule and the schema speak about the
// same pointer, manifest/index.ts keeps the rule's sentence and drops the schema's.
import type { Violation } from '../violation.js';
import { checkNameCharacters } from '../name-characters.js';
import { quotaWarnings } from '../quotas.js';
import { checkAlarms, checkPolicyStatements } from './alarms-policy.js';
import { checkAutoScaling, checkBilling, checkOnDemand } from './capacity.js';
import { Collector, list, obj, type RuleContext } from './collect.js';
import { checkIndexes } from './indexes.js';
import { checkKeys, checkNames } from './names-keys.js';
import { checkImport, checkPolicyAndTimeouts, checkRestore, checkTags } from './sources-tags.js';
import { checkReplicas, checkTtlStreamPitrSse } from './table-features.js';

export type { RuleContext } from './collect.js';

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
  checkRestore(c, spec, ctx.now ?? new Date());
  checkPolicyAndTimeouts(c, spec);
  checkPolicyStatements(c, spec);
  checkAlarms(c, spec);
  return [...c.out, ...checkNameCharacters(root), ...quotaWarnings(root)];
}
