// Rules 2, 3, 16, 17: table and index names, key attribute names and types.
import { SCALAR_TYPES } from '../key-types.js';
import { NAME_RE } from '../table-name.js';
import { bytes, type Collector, obj, type Obj, type Path, str } from './collect.js';

const KEY_TYPES: readonly unknown[] = SCALAR_TYPES;

interface KeyUse {
  name: string;
  type: unknown;
  path: Path;
}

// Rule 2: table and index names; index names unique across GSIs and LSIs.
export function checkNames(c: Collector, metadata: Obj | undefined, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
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
export function checkKeys(c: Collector, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
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

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
