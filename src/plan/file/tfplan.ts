// The `tfplan` member of a saved terraform plan (protobuf, terraform's planfile.proto, format version
// 3), turned into the parts of `terraform show -json` that planton reads (plan-json.ts): resource
// changes and drift with their before and after values, what only apply will know, the paths that
// force a replacement and imports. Values are cty msgpack (msgpack.ts); "known after apply" is
// rendered as show -json renders it: left out of `after` (null inside a list) and `true` in
// `after_unknown`. Anything this does not recognise is an error: the caller then asks terraform.
import type { TfAction, TfChange, TfResourceChange, TerraformPlanJson } from '../plan-json.js';
import { decodeMsgpack, UNKNOWN, type CtyValue } from './msgpack.js';
import { bytesOf, decodeMessage, messageOf, messagesOf, numberOf, stringOf, type Message } from './protobuf.js';

const FORMAT_VERSION = 3;

// Field numbers of planfile.proto.
const PLAN = { version: 1, resourceChanges: 3, terraformVersion: 14, resourceDrift: 18, errored: 20, applyable: 25, deferredChanges: 27 } as const;
const INSTANCE_CHANGE = { deposedKey: 7, change: 9, requiredReplace: 11, actionReason: 12, addr: 13 } as const;
const CHANGE = { action: 1, values: 2, importing: 5 } as const;

const ACTIONS: Record<number, TfAction[]> = {
  0: ['no-op'],
  1: ['create'],
  2: ['read'],
  3: ['update'],
  5: ['delete'],
  6: ['delete', 'create'],
  7: ['create', 'delete'],
  8: ['forget'],
  9: ['create', 'forget'],
};

const REASONS: Record<number, string> = {
  1: 'replace_because_tainted',
  2: 'replace_by_request',
  3: 'replace_because_cannot_update',
  4: 'delete_because_no_resource_config',
  5: 'delete_because_wrong_repetition',
  6: 'delete_because_count_index',
  7: 'delete_because_each_key',
  8: 'delete_because_no_module',
  9: 'replace_by_triggers',
  10: 'read_because_config_unknown',
  11: 'read_because_dependency_pending',
  12: 'delete_because_no_move_target',
  13: 'read_because_check_nested',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** show -json's `after`: unknown attributes left out, unknown list elements null. */
function withoutUnknowns(v: CtyValue): Json {
  if (v === UNKNOWN) return null;
  if (Array.isArray(v)) return v.map(withoutUnknowns);
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (x !== UNKNOWN) out[k] = withoutUnknowns(x);
    return out;
  }
  return v;
}

/** show -json's `after_unknown`: true where unknown, lists kept element by element, known object attributes left out. */
function unknownMarks(v: CtyValue): Json {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.map(unknownMarks);
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) {
      const mark = unknownMarks(x);
      if (mark !== false) out[k] = mark;
    }
    return out;
  }
  return false;
}

function whollyKnown(v: CtyValue): boolean {
  if (v === UNKNOWN) return false;
  if (Array.isArray(v)) return v.every(whollyKnown);
  if (v !== null && typeof v === 'object') return Object.values(v).every(whollyKnown);
  return true;
}

const asObject = (v: Json): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null);

function decodeChange(m: Message): TfChange {
  const action = numberOf(m, CHANGE.action);
  const actions = ACTIONS[action];
  if (!actions) throw new Error(`unknown planned action ${action}`);
  const values = messagesOf(m, CHANGE.values).map((dv) => {
    const packed = bytesOf(dv, 1).at(-1);
    if (!packed) throw new Error('a planned value is not msgpack');
    return decodeMsgpack(packed);
  });
  // One value for create (the new), delete and forget (the old) and no-op (both); two otherwise.
  let before: CtyValue = null;
  let after: CtyValue = null;
  if (values.length === 2) [before, after] = values as [CtyValue, CtyValue];
  else if (values.length === 1) {
    const only = values[0] as CtyValue;
    if (actions[0] === 'create') after = only;
    else if (actions[0] === 'no-op') before = after = only;
    else before = only;
  } else throw new Error(`a planned change holds ${values.length} values`);
  if (!whollyKnown(before)) throw new Error('a prior value is unknown');
  const change: TfChange = {
    actions,
    before: asObject(withoutUnknowns(before)),
    after: asObject(withoutUnknowns(after)),
    after_unknown: whollyKnown(after) ? {} : (unknownMarks(after) as Record<string, unknown> | boolean),
  };
  const importing = messageOf(m, CHANGE.importing);
  if (importing) change.importing = numberOf(importing, 2) ? ({ unknown: true } as TfChange['importing']) : { id: stringOf(importing, 1) };
  return change;
}

/** A path of planfile.proto: attribute names, and element keys as their values (show -json's replace_paths). */
function decodePath(m: Message): (string | number)[] {
  return messagesOf(m, 1).map((step) => {
    if (step.has(1)) return stringOf(step, 1);
    const key = messageOf(step, 2);
    const packed = key && bytesOf(key, 1).at(-1);
    const value = packed ? decodeMsgpack(packed) : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error('a path step is neither an attribute nor a key');
    return value;
  });
}

/** An address split at its dots, leaving those inside `["..."]` keys alone. */
function splitAddress(address: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const c = address[i] as string;
    if (c === '.' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
    if (quoted && c === '\\') current += address[++i] ?? '';
    else if (c === '"') quoted = !quoted;
  }
  parts.push(current);
  return parts;
}

/** `module.a["k"].data.aws_x.y[0]` → its parts, as show -json names them. */
export function addressParts(address: string): Pick<TfResourceChange, 'module_address' | 'mode' | 'type' | 'name' | 'index'> {
  const parts = splitAddress(address);
  const modules: string[] = [];
  while (parts[0] === 'module' && parts.length > 3) modules.push(`module.${parts.splice(0, 2)[1] as string}`);
  const mode = parts[0] === 'data' ? 'data' : 'managed';
  if (mode === 'data') parts.shift();
  const [type, last] = parts;
  if (type === undefined || last === undefined || parts.length !== 2) throw new Error(`unexpected resource address ${address}`);
  const indexed = /^([^[]+)\[(.+)\]$/.exec(last);
  const out: Pick<TfResourceChange, 'module_address' | 'mode' | 'type' | 'name' | 'index'> = { mode, type, name: indexed ? (indexed[1] as string) : last };
  if (modules.length > 0) out.module_address = modules.join('.');
  if (indexed) out.index = JSON.parse(indexed[2] as string) as string | number;
  return out;
}

function decodeInstanceChange(m: Message): TfResourceChange {
  const address = stringOf(m, INSTANCE_CHANGE.addr);
  const changeMessage = messageOf(m, INSTANCE_CHANGE.change);
  if (!address || !changeMessage) throw new Error('a resource change without an address or a change');
  const rc: TfResourceChange = { address, ...addressParts(address), change: decodeChange(changeMessage) };
  const deposed = stringOf(m, INSTANCE_CHANGE.deposedKey);
  if (deposed) (rc as TfResourceChange & { deposed?: string }).deposed = deposed;
  const replace = messagesOf(m, INSTANCE_CHANGE.requiredReplace).map(decodePath);
  if (replace.length > 0) rc.change.replace_paths = replace;
  const reason = REASONS[numberOf(m, INSTANCE_CHANGE.actionReason)];
  if (reason) rc.action_reason = reason;
  return rc;
}

const byAddress = (a: TfResourceChange, b: TfResourceChange) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/** The plan, as far as planton reads it; throws on a plan it cannot read exactly. */
export function decodeTfplan(tfplan: Buffer, expectedVersion: string): TerraformPlanJson {
  const plan = decodeMessage(tfplan);
  const version = numberOf(plan, PLAN.version);
  if (version !== FORMAT_VERSION) throw new Error(`plan format version ${version}`);
  const terraformVersion = stringOf(plan, PLAN.terraformVersion);
  if (terraformVersion !== expectedVersion) throw new Error(`plan made by terraform ${terraformVersion}, not ${expectedVersion}`);
  if (plan.has(PLAN.deferredChanges)) throw new Error('the plan defers changes');
  return {
    terraform_version: terraformVersion,
    resource_changes: messagesOf(plan, PLAN.resourceChanges).map(decodeInstanceChange).sort(byAddress),
    resource_drift: messagesOf(plan, PLAN.resourceDrift).map(decodeInstanceChange).sort(byAddress),
    applyable: numberOf(plan, PLAN.applyable) === 1,
    errored: numberOf(plan, PLAN.errored) === 1,
  };
}
