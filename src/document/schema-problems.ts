// ajv errors → problems that point at the node a person fixes (a missing field at its parent's key, an
// unknown one at its own key, a bad value at the value), worded for people.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { joinPointer, splitPointer, valueAt } from './pointer.js';
import type { Anchor } from './locate.js';
import { schemaAt, type SchemaName, type SchemaNode } from './schema-document.js';
import { describe, orList, SECRET_FIELD, SECRET_VALUE, shown, wrongType } from './schema-wording.js';
import { didYouMean, type Spellings } from './suggest.js';

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

function problem(name: SchemaName, err: ErrorObject, data: unknown, spellings: Spellings): Problem | undefined {
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
      const hint = typeof value === 'string' ? didYouMean(value, strings, spellings) : '';
      return mk('schema-enum', `must be one of ${orList(allowed)}, not ${describe(value)}${hint}`);
    }
    case 'const': {
      return mk('schema-const', `must be \`${shown(p.allowedValue)}\`, not ${describe(value)}`);
    }
    case 'type':
      return mk('schema-type', wrongType(value, p.type));
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
export function toProblems(name: SchemaName, errors: readonly ErrorObject[], data: unknown, spellings: Spellings = {}): Problem[] {
  const out: Problem[] = [];
  for (const err of errors) {
    if (err.keyword === 'anyOf' || err.keyword === 'oneOf') {
      const inner = errors.some((e) => e !== err && e.schemaPath.startsWith(err.schemaPath + '/'));
      if (inner) continue;
    }
    const pr = problem(name, err, data, spellings);
    if (pr) out.push(pr);
  }
  // `3` for an enum of strings fails both `type` and `enum`: the list of allowed values says more.
  const listed = new Set(out.filter((p) => p.keyword === 'enum' || p.keyword === 'const').map((p) => p.pointer));
  return out.filter((p) => !(p.keyword === 'type' && listed.has(p.pointer)));
}
