// The shipped schema files, read and parsed once: their text, hash, conditional-free copy and the node at a path.
import { readFileSync } from 'node:fs';
import { sha256 } from '../files/hash.js';
import { manifestSchemaPath, stackInputSchemaPath } from '../files/paths.js';
import { splitPointer } from './pointer.js';

export type SchemaName = 'manifest' | 'stack-input';

export type SchemaNode = Record<string, unknown>;

const SCHEMA_FILES: Record<SchemaName, string> = { manifest: manifestSchemaPath, 'stack-input': stackInputSchemaPath };
const texts = new Map<SchemaName, string>();
const raw = new Map<SchemaName, SchemaNode>();

export function schemaText(name: SchemaName): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(SCHEMA_FILES[name], 'utf8');
    texts.set(name, text);
  }
  return text;
}

/** The schema as shipped (with if/then/else), parsed once. */
export function schemaDocument(name: SchemaName): SchemaNode {
  let doc = raw.get(name);
  if (!doc) {
    doc = JSON.parse(schemaText(name)) as SchemaNode;
    raw.set(name, doc);
  }
  return doc;
}

/** A deep copy without `if`/`then`/`else` anywhere. */
export function stripConditionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripConditionals);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'if' || k === 'then' || k === 'else') continue;
    out[k] = stripConditionals(v);
  }
  return out;
}

/** SHA-256 over both schema texts; scripts/gen-validators.mjs stamps the same into the generated file. */
export function schemaHash(...parts: string[]): string {
  return sha256(parts.join('\u0000'));
}

/**
 * The schema node that describes the value at an instance path (through properties, items,
 * additionalProperties and local $refs); used by `--set` to type its value.
 */
export function schemaAt(name: SchemaName, segments: readonly string[]): SchemaNode | undefined {
  const root = schemaDocument(name);
  const deref = (node: SchemaNode | undefined): SchemaNode | undefined => {
    let n = node;
    for (let i = 0; n && typeof n.$ref === 'string' && i < 20; i++) {
      const ref = n.$ref as string;
      if (!ref.startsWith('#')) return n;
      let target: unknown = root;
      for (const seg of splitPointer(ref.slice(1))) target = (target as SchemaNode | undefined)?.[seg];
      n = { ...(target as SchemaNode), ...Object.fromEntries(Object.entries(n).filter(([k]) => k !== '$ref')) };
    }
    return n;
  };
  let node = deref(root);
  for (const seg of segments) {
    if (!node) return undefined;
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (/^\d+$/.test(seg) && node.items && typeof node.items === 'object') node = deref(node.items as SchemaNode);
    // Own properties only: `__proto__` or `constructor` name no field, whatever Object.prototype holds.
    else if (props && Object.hasOwn(props, seg)) node = deref(props[seg]);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = deref(node.additionalProperties as SchemaNode);
    else return undefined;
  }
  return node;
}
