// The schema stage: ajv (JSON Schema 2020-12) against the shipped schema files, and ajv errors →
// problems that point at the node a person fixes (a missing field at its parent's key, an unknown one
// at its own key, a bad value at the value). The schema's if/then/else blocks mirror cross-field
// rules for editors only; they are removed before compiling because rules.ts reports those better.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import * as precompiled from '../generated/validators.js';
import { manifestSchemaPath, stackInputSchemaPath } from '../paths.js';
import { joinPointer, splitPointer, valueAt } from '../pointer.js';
import type { Anchor } from './locate.js';
import { didYouMean } from './suggest.js';

export type SchemaName = 'manifest' | 'stack-input';

/** A schema problem before it is located: where it is, which end of the node, what to say. */
export interface Problem {
  code: string;
  /** Pointer the message is about (for `required`: the missing property). */
  pointer: string;
  /** Pointer and end of the YAML node to put the line:col on. */
  at: string;
  anchor: Anchor;
  message: string;
  /** The ajv keyword; rules may override messages for value-shaped keywords. */
  keyword: string;
}

type SchemaNode = Record<string, unknown>;

/** What ajv's compiled and standalone validators have in common. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const SCHEMA_FILES: Record<SchemaName, string> = { manifest: manifestSchemaPath, 'stack-input': stackInputSchemaPath };
const texts = new Map<SchemaName, string>();
const raw = new Map<SchemaName, SchemaNode>();
const compiled = new Map<SchemaName, Validator>();
let ajv: Ajv2020 | undefined;

function schemaText(name: SchemaName): string {
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

/** FNV-1a over both schema texts; scripts/gen-validators.mjs stamps the same into the generated file. */
export function schemaHash(...parts: string[]): string {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** True when src/generated/validators.ts was generated from the schema files on disk. */
export function precompiledIsCurrent(): boolean {
  return precompiled.sourceHash === schemaHash(schemaText('manifest'), schemaText('stack-input'));
}

/**
 * Compiles with ajv at run time: only when the precompiled validators are stale (a schema edited
 * without `node scripts/gen-validators.mjs`). Slower (~200 ms) but always right. The options must
 * match the generator's.
 */
export function compileNow(name: SchemaName): Validator {
  const require = createRequire(import.meta.url);
  if (!ajv) {
    const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const formats = require('ajv-formats') as { default: (a: Ajv2020, f: string[]) => void };
    ajv = new AjvClass({ allErrors: true, strict: true, useDefaults: true, keywords: ['markdownDescription', 'defaultSnippets'] });
    formats.default(ajv, ['date-time']);
    const manifest = stripConditionals(schemaDocument('manifest')) as SchemaNode;
    ajv.addSchema({ ...manifest, $id: (manifest.$id as string | undefined) ?? 'aws-dynamodb.schema.json' });
  }
  if (name === 'manifest') return ajv.getSchema('aws-dynamodb.schema.json') as Validator;
  return ajv.compile(stripConditionals(schemaDocument(name)) as SchemaNode) as Validator;
}

/** The validator for a schema, once per process (the function itself is immutable). */
export function validatorFor(name: SchemaName): Validator {
  let fn = compiled.get(name);
  if (!fn) {
    fn = precompiledIsCurrent() ? ((name === 'manifest' ? precompiled.manifest : precompiled.stackInput) as Validator) : compileNow(name);
    compiled.set(name, fn);
  }
  return fn;
}

/** Runs the schema on `data` (defaults are filled in place) and returns located-ready problems. */
export function schemaProblems(name: SchemaName, data: unknown): Problem[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return toProblems(name, validate.errors ?? [], data);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

const SECRET_FIELD = /secret|token|password|accesskey/i;
const SECRET_VALUE = Symbol('secret');

function describe(value: unknown): string {
  if (value === SECRET_VALUE) return 'the given value';
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value}\``;
  return `\`${String(value)}\``;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : String(value);
}

function typeList(t: unknown): string {
  const list = (Array.isArray(t) ? t : [t]).map((x) => TYPE_NAMES[String(x)] ?? String(x));
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0]!;
}

function orList(values: readonly unknown[]): string {
  const s = values.map((v) => (v === ' ' ? "' ' (space)" : v === '\t' ? "'\\t' (tab)" : shown(v)));
  return s.length > 1 ? `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}` : (s[0] ?? '');
}


function problem(name: SchemaName, err: ErrorObject, data: unknown): Problem | undefined {
  const base = err.instancePath;
  // Never echo a credential back (a stack input's keys and tokens): messages then omit the value.
  const secret = SECRET_FIELD.test(splitPointer(base).pop() ?? '');
  const value = secret ? SECRET_VALUE : valueAt(data, base);
  const p = err.params as Record<string, unknown>;
  const mk = (code: string, message: string, pointer = base, at = pointer, anchor: Anchor = 'value'): Problem => ({ code, pointer, at, anchor, message, keyword: err.keyword });
  // Errors about a property name (propertyNames) belong on that key.
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const ptr = base + joinPointer([propertyName]);
    const what = err.keyword === 'pattern' ? `key \`${propertyName}\` uses characters that are not allowed or a reserved prefix` : `key \`${propertyName}\` ${err.message ?? 'is not allowed'}`;
    return mk(`schema-property-name`, what, ptr, ptr, 'key');
  }
  switch (err.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return mk('schema-required', `missing required field \`${missing}\``, base + joinPointer([missing]), base, 'key');
    }
    case 'dependentRequired': {
      const has = String(p.property);
      const missing = String(p.missingProperty);
      return mk('schema-dependent-required', `\`${has}\` needs \`${missing}\` as well`, base + joinPointer([missing]), base + joinPointer([has]), 'key');
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
      // The allowed names at this spot, read from the schema (errors do not carry it without ajv's verbose mode).
      const allowed = Object.keys((schemaAt(name, splitPointer(base))?.properties as SchemaNode | undefined) ?? {});
      const hint = allowed.length > 0 ? didYouMean(extra, allowed) : '';
      const ptr = base + joinPointer([extra]);
      return mk('schema-unknown-field', `unknown field \`${extra}\`${hint}`, ptr, ptr, 'key');
    }
    case 'false schema': {
      // `properties: { x: false }`: the field is present where it is not allowed.
      const field = splitPointer(base).pop() ?? '';
      return mk('schema-field-not-allowed', `\`${field}\` is not allowed here`, base, base, 'key');
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const strings = allowed.filter((a): a is string => typeof a === 'string');
      const hint = typeof value === 'string' ? didYouMean(value, strings) : '';
      return mk('schema-enum', `must be one of ${orList(allowed)}, not ${describe(value)}${hint}`);
    }
    case 'const': {
      return mk('schema-const', `must be \`${shown(p.allowedValue)}\`, not ${describe(value)}`);
    }
    case 'type':
      return mk('schema-type', `must be ${typeList(p.type)}, not ${describe(value)}`);
    case 'minimum':
    case 'exclusiveMinimum':
      return mk('schema-minimum', `must be ${err.keyword === 'minimum' ? 'at least' : 'more than'} ${String(p.limit)}, not ${value === SECRET_VALUE ? 'the given value' : String(value)}`);
    case 'maximum':
    case 'exclusiveMaximum':
      return mk('schema-maximum', `must be ${err.keyword === 'maximum' ? 'at most' : 'less than'} ${String(p.limit)}, not ${value === SECRET_VALUE ? 'the given value' : String(value)}`);
    case 'minLength':
      return mk('schema-min-length', Number(p.limit) === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters long`);
    case 'maxLength':
      return mk('schema-max-length', `must be at most ${String(p.limit)} characters long`);
    case 'pattern':
      return mk('schema-pattern', `${describe(value)} does not have the expected form (${String(p.pattern)})`);
    case 'format':
      return mk('schema-format', p.format === 'date-time' ? `${describe(value)} is not an RFC 3339 date-time like 2026-11-20T10:00:00Z` : `${describe(value)} is not a valid ${String(p.format)}`);
    case 'minItems':
      return mk('schema-min-items', Number(p.limit) === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} items`);
    case 'maxItems':
      return mk('schema-max-items', `has ${Array.isArray(value) ? value.length : '?'} items; at most ${String(p.limit)} are allowed`);
    case 'uniqueItems':
      // ajv's j is the later copy: point at it, like the rules do.
      return mk('schema-unique-items', `item ${String(p.j)} repeats item ${String(p.i)}; each item may appear once`, base + joinPointer([Number(p.j)]));
    case 'minProperties':
      return mk('schema-min-properties', Number(p.limit) === 1 ? 'must set at least one field' : `must set at least ${String(p.limit)} fields`, base, base, 'key');
    case 'maxProperties':
      return mk('schema-max-properties', `has ${value && typeof value === 'object' ? Object.keys(value).length : '?'} entries; at most ${String(p.limit)} are allowed`, base, base, 'key');
    case 'propertyNames':
      return undefined; // the inner error (with propertyName) says which key
    case 'anyOf':
    case 'oneOf':
      return mk('schema-shape', err.keyword === 'oneOf' && p.passingSchemas ? 'matches more than one allowed shape' : 'does not match any allowed shape');
    default:
      return mk(`schema-${err.keyword}`, err.message ?? 'is not valid');
  }
}

/** Maps ajv errors, dropping umbrella errors when a more specific one exists at or below them. */
export function toProblems(name: SchemaName, errors: readonly ErrorObject[], data: unknown): Problem[] {
  const out: Problem[] = [];
  for (const err of errors) {
    if (err.keyword === 'anyOf' || err.keyword === 'oneOf') {
      const inner = errors.some((e) => e !== err && e.schemaPath.startsWith(err.schemaPath + '/'));
      if (inner) continue;
    }
    const pr = problem(name, err, data);
    if (pr) out.push(pr);
  }
  // `3` for an enum of strings fails both `type` and `enum`: the list of allowed values says more.
  const listed = new Set(out.filter((p) => p.keyword === 'enum' || p.keyword === 'const').map((p) => p.pointer));
  return out.filter((p) => !(p.keyword === 'type' && listed.has(p.pointer)));
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
    else if (props && props[seg]) node = deref(props[seg]);
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = deref(node.additionalProperties as SchemaNode);
    else return undefined;
  }
  return node;
}
