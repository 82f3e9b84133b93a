// aws_dynamodb_table before/after → changes named by manifest path (docs/contract.md, manifest), with what AWS does.
import { DERIVED_ATTRIBUTES, field, fieldOfAttribute } from '../catalogue/fields.js';
import { scalarTypeOf } from '../manifest/key-types.js';
import { GSI_BACKFILL, GSI_REBUILD, ONE_GSI_PER_UPDATE, REPLACEMENT_DELETES_ITEMS, TO_ON_DEMAND_LIMIT, TO_PROVISIONED } from '../catalogue/aws-facts.js';
import type { Change, ChangeAction } from './types.js';
import { byName, isEmpty, isObj, type Obj, sameKnown, show } from './values.js';

export const gsiPath = (name: string): string => `spec.globalSecondaryIndexes[${name}]`;
export const lsiPath = (name: string): string => `spec.localSecondaryIndexes[${name}]`;

export interface TableDiffInput {
  address: string;
  action: ChangeAction;
  before: Obj;
  after: Obj;
  /** Top-level provider attributes that force the replacement (from `replace_paths`). */
  causes: Set<string>;
  tableNamePath: string;
  /** Prefix for drift details ("changed outside planton: "). */
  prefix?: string;
}

/** Every changed attribute of one table, as manifest-level changes. */
export function tableChanges(input: TableDiffInput): Change[] {
  const { before, after } = input;
  const out: Change[] = [];
  const replacing = input.action === 'replace';
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(orderOf);
  for (const key of keys) {
    if (DERIVED_ATTRIBUTES.has(key)) continue;
    const b = before[key];
    const a = after[key];
    if (sameKnown(b, a)) continue;
    // In a replacement the new table starts from provider defaults: unset values are not news.
    if (replacing && !input.causes.has(key) && (a === null || a === undefined)) continue;
    if (key === 'global_secondary_index') out.push(...gsiChanges(input, b, a));
    else if (key === 'local_secondary_index') out.push(...lsiChanges(input, b, a));
    else out.push(simpleChange(input, key, b, a));
  }
  out.push(...attributeTypeChanges(input));
  return out;
}

// Keys first, then the rest alphabetically: the order a reader checks them in.
const FIRST = ['name', 'hash_key', 'range_key', 'local_secondary_index', 'billing_mode'];
function orderOf(x: string, y: string): number {
  const ix = FIRST.indexOf(x);
  const iy = FIRST.indexOf(y);
  if (ix !== -1 || iy !== -1) return (ix === -1 ? 99 : ix) - (iy === -1 ? 99 : iy);
  return x < y ? -1 : x > y ? 1 : 0;
}

function simpleChange(input: TableDiffInput, key: string, b: unknown, a: unknown): Change {
  const known = fieldOfAttribute(key);
  const manifestPath = key === 'name' ? input.tableNamePath : (known?.path ?? `(provider attribute ${key})`);
  const label = known?.label ?? key;
  let detail = `${label}: ${show(b)} → ${show(a)}`;
  if (key === 'billing_mode' && !input.prefix) detail += `; ${a === 'PAY_PER_REQUEST' ? TO_ON_DEMAND_LIMIT : TO_PROVISIONED}`;
  return finish(input, key, { manifestPath, detail, before: b, after: a });
}

/** Fills action/effect from the resource action and whether this attribute forces the replacement. */
function finish(input: TableDiffInput, key: string, c: Pick<Change, 'manifestPath' | 'detail' | 'before' | 'after'>, effect?: Change['effect']): Change {
  const replacing = input.action === 'replace';
  let detail = (input.prefix ?? '') + c.detail;
  if (replacing && input.causes.has(key)) detail += `; ${REPLACEMENT_DELETES_ITEMS}`;
  return {
    address: input.address,
    action: input.action,
    manifestPath: c.manifestPath,
    effect: replacing ? 'replacement-deletes-items' : (effect ?? 'in-place'),
    detail,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
  };
}

function describeIndex(ix: Obj): string {
  const keys = [ix.hash_key, ix.range_key].filter((k) => !isEmpty(k)).join(', ');
  const projection = String(ix.projection_type ?? '');
  const nonKey = Array.isArray(ix.non_key_attributes) && ix.non_key_attributes.length ? ` [${ix.non_key_attributes.join(', ')}]` : '';
  return `(${keys}; ${projection}${nonKey})`;
}

const INDEX_SHAPE = ['hash_key', 'range_key', 'projection_type', 'non_key_attributes'];

/** A GSI's capacities have the table's attribute names and spec paths, below the index. */
const INDEX_CAPACITY = ['spec.provisionedThroughput.readCapacityUnits', 'spec.provisionedThroughput.writeCapacityUnits', 'spec.onDemandThroughput'].map((path) => {
  const f = field(path);
  return { attribute: f.attribute!, sub: path.slice('spec.'.length), label: f.label };
});

function gsiChanges(input: TableDiffInput, b: unknown, a: unknown): Change[] {
  const before = byName(b);
  const after = byName(a);
  const out: Change[] = [];
  const structural: Change[] = [];
  for (const [name, ix] of after) {
    const old = before.get(name);
    if (!old) {
      structural.push(finish(input, 'global_secondary_index', { manifestPath: gsiPath(name), detail: `index ${name} ${describeIndex(ix)} is added: ${GSI_BACKFILL}`, after: ix }, 'online-backfill'));
      continue;
    }
    if (!INDEX_SHAPE.every((k) => sameKnown(old[k], ix[k]))) {
      structural.push(finish(input, 'global_secondary_index', { manifestPath: gsiPath(name), detail: `index ${name} changes ${describeIndex(old)} → ${describeIndex(ix)}: ${GSI_REBUILD}`, before: old, after: ix }, 'online-backfill'));
      continue;
    }
    for (const { attribute, sub, label } of INDEX_CAPACITY) {
      if (sameKnown(old[attribute], ix[attribute])) continue;
      out.push(finish(input, 'global_secondary_index', { manifestPath: `${gsiPath(name)}.${sub}`, detail: `index ${name} ${label}: ${show(old[attribute])} → ${show(ix[attribute])}`, before: old[attribute], after: ix[attribute] }));
    }
  }
  for (const [name, ix] of before) {
    if (after.has(name)) continue;
    structural.push(finish(input, 'global_secondary_index', { manifestPath: gsiPath(name), detail: `index ${name} ${describeIndex(ix)} is deleted; the table keeps its items, queries on this index stop working`, before: ix }));
  }
  // A rebuilt index costs a delete and a create: two UpdateTable calls of their own.
  const calls = structural.reduce((n, c) => n + (c.before !== undefined && c.after !== undefined ? 2 : 1), 0);
  if (calls > 1 && !input.prefix && input.action !== 'replace') for (const c of structural) c.detail += `; ${ONE_GSI_PER_UPDATE}`;
  return [...structural, ...out];
}

function lsiChanges(input: TableDiffInput, b: unknown, a: unknown): Change[] {
  const before = byName(b);
  const after = byName(a);
  const out: Change[] = [];
  for (const [name, ix] of after) {
    const old = before.get(name);
    if (!old) out.push(finish(input, 'local_secondary_index', { manifestPath: lsiPath(name), detail: `local index ${name} ${describeIndex(ix)} is added`, after: ix }));
    else if (!sameKnown(old, ix)) out.push(finish(input, 'local_secondary_index', { manifestPath: lsiPath(name), detail: `local index ${name} changes ${describeIndex(old)} → ${describeIndex(ix)}`, before: old, after: ix }));
  }
  for (const [name, ix] of before) {
    if (!after.has(name)) out.push(finish(input, 'local_secondary_index', { manifestPath: lsiPath(name), detail: `local index ${name} ${describeIndex(ix)} is removed`, before: ix }));
  }
  return out;
}

/** An attribute whose type changes is reported at every key that uses it (`spec.partitionKey.type`);
 *  added or removed attributes follow from the key and index changes above. */
function attributeTypeChanges(input: TableDiffInput): Change[] {
  const before = byName(input.before.attribute);
  const after = byName(input.after.attribute);
  const out: Change[] = [];
  for (const [name, attr] of after) {
    const old = before.get(name);
    if (!old || old.type === undefined || attr.type === undefined || old.type === attr.type) continue;
    for (const path of keyPathsUsing(input.after, name)) {
      out.push(finish(input, 'attribute', { manifestPath: `${path}.type`, detail: `type of key attribute ${name}: ${typeName(old.type)} → ${typeName(attr.type)}`, before: old.type, after: attr.type }));
    }
  }
  return out;
}

const typeName = (t: unknown): string => scalarTypeOf(t) ?? String(t);

function keyPathsUsing(table: Obj, attr: string): string[] {
  const paths: string[] = [];
  if (table.hash_key === attr) paths.push('spec.partitionKey');
  if (table.range_key === attr) paths.push('spec.sortKey');
  for (const [name, ix] of byName(table.global_secondary_index)) {
    if (ix.hash_key === attr) paths.push(`${gsiPath(name)}.partitionKey`);
    if (ix.range_key === attr) paths.push(`${gsiPath(name)}.sortKey`);
  }
  for (const [name, ix] of byName(table.local_secondary_index)) if (ix.range_key === attr) paths.push(`${lsiPath(name)}.sortKey`);
  return paths;
}

/** For a table created or deleted as a whole: one line that names it. */
export function tableName(values: Obj | null | undefined): string {
  return isObj(values) && typeof values.name === 'string' ? values.name : '(unknown)';
}

