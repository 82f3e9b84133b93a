// `--set spec.path=value`: overrides applied to the YAML Document itself (untouched nodes keep their
// positions), with the value typed by the schema: numbers, booleans, enums as strings, JSON for lists
// and maps. A bad flag is a diagnostic that names the flag, never an exception.
import { isMap, isSeq, type Document } from 'yaml';
import { schemaAt, type SchemaName } from './schema.js';
import { joinPointer, splitPointer } from './pointer.js';
import { didYouMean } from './suggest.js';

export interface SetProblem {
  flag: string;
  message: string;
}

export interface SetResult {
  problems: SetProblem[];
  /**
   * Manifest-relative pointers the flags wrote: each flag's value, or the first node it had to create
   * (a new list item, a new mapping). Diagnostics at or under them are reported against `--set`.
   */
  pointers: string[];
}

/** `spec.globalSecondaryIndexes[0].name` or `spec.tags["team.name"]` → path segments. */
export function parseSetPath(path: string): string[] | undefined {
  const segments: string[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let i = 0;
  while (i < path.length) {
    if (segments.length > 0 && path[i] === '.') i++;
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) return undefined;
    segments.push(m[1] ?? m[2] ?? JSON.parse(`"${m[3]}"`));
    i = re.lastIndex;
  }
  return segments.length > 0 ? segments : undefined;
}

function typeOf(node: Record<string, unknown>): string | undefined {
  const t = node.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  if ('const' in node || 'enum' in node) return 'string';
  if (node.properties || node.additionalProperties) return 'object';
  return undefined;
}

function typed(raw: string, node: Record<string, unknown>): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (typeOf(node)) {
    case 'integer':
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return { ok: false, message: `\`${raw}\` is not a number` };
      if (Number.isInteger(n) && !Number.isSafeInteger(n)) return { ok: false, message: `\`${raw}\` is too large to keep exactly (integers must be at most 9007199254740991, 2^53 - 1)` };
      return { ok: true, value: n };
    }
    case 'boolean':
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return { ok: false, message: `\`${raw}\` is not a boolean: use true or false` };
    case 'array':
    case 'object': {
      try {
        return { ok: true, value: JSON.parse(raw) as unknown };
      } catch {
        return { ok: false, message: `\`${raw}\` is not valid JSON (lists and maps are given as JSON, e.g. '["a","b"]' or '{"k":"v"}')` };
      }
    }
    default:
      return { ok: true, value: raw };
  }
}

/** Where the path stops matching the schema, with a suggestion for the offending segment. */
function unknownField(schemaName: SchemaName, segments: string[]): string {
  for (let i = 0; i < segments.length; i++) {
    if (!schemaAt(schemaName, segments.slice(0, i + 1))) {
      const parent = schemaAt(schemaName, segments.slice(0, i));
      const allowed = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      return `unknown field \`${segments[i]}\`${didYouMean(segments[i]!, allowed)}`;
    }
  }
  return 'unknown field';
}

/**
 * Applies each `path=value` to the manifest found at `at` (a JSON pointer) inside `doc`.
 * Paths are relative to the manifest (`spec.billingMode`), whatever `at` is.
 */
export function applySets(doc: Document, sets: readonly string[], opts: { at?: string; schema?: SchemaName } = {}): SetResult {
  const schemaName = opts.schema ?? 'manifest';
  const base = splitPointer(opts.at ?? '');
  const problems: SetProblem[] = [];
  const pointers: string[] = [];
  for (const flag of sets) {
    const eq = flag.indexOf('=');
    const fail = (message: string) => problems.push({ flag, message: `--set ${flag}: ${message}` });
    if (eq <= 0) {
      fail('expected path=value, e.g. --set spec.billingMode=PROVISIONED');
      continue;
    }
    const segments = parseSetPath(flag.slice(0, eq));
    if (!segments) {
      fail('the path must look like spec.field or spec.list[0].field');
      continue;
    }
    const node = schemaAt(schemaName, segments);
    if (!node) {
      fail(unknownField(schemaName, segments));
      continue;
    }
    const value = typed(flag.slice(eq + 1), node);
    if (!value.ok) {
      fail(value.message);
      continue;
    }
    // Walk the document: list indexes may point at an existing item or append one; intermediate maps are created.
    const full: (string | number)[] = [...base, ...segments];
    const keys: (string | number)[] = [];
    let current: unknown = doc.contents;
    let bad: string | undefined;
    // The first segment the flag creates: everything under it (a new list item, a new map) is the flag's.
    let created: number | undefined;
    for (let i = 0; i < full.length; i++) {
      if (created === undefined && current === undefined && i > 0) created = i - 1;
      const seg = full[i]!;
      if (isSeq(current)) {
        const idx = Number(seg);
        if (!/^\d+$/.test(String(seg)) || idx > current.items.length) {
          bad = `index ${String(seg)} is out of range: the list at ${segments.slice(0, i - base.length).join('.') || 'the root'} has ${current.items.length} items`;
          break;
        }
        keys.push(idx);
        current = current.items[idx];
      } else if (current === undefined && /^\d+$/.test(String(seg)) && i > 0 && full[i - 1] !== undefined && schemaAt(schemaName, segments.slice(0, i - base.length))?.type === 'array') {
        // A list that does not exist yet: only its first item can be created.
        if (Number(seg) !== 0) {
          bad = `index ${String(seg)} is out of range: ${segments.slice(0, i - base.length).join('.')} has no items yet`;
          break;
        }
        keys.push(0);
      } else if (isMap(current) || current === undefined || current === null) {
        keys.push(String(seg));
        current = isMap(current) ? current.get(String(seg), true) : undefined;
      } else {
        bad = `${segments.slice(0, i - base.length).join('.')} is not a mapping or a list, so ${segments.slice(i - base.length).join('.')} cannot be set inside it`;
        break;
      }
    }
    if (bad) {
      fail(bad);
      continue;
    }
    try {
      doc.setIn(keys, doc.createNode(value.value));
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
      continue;
    }
    pointers.push(joinPointer(created === undefined || created < base.length ? segments : segments.slice(0, created - base.length + 1)));
  }
  return { problems, pointers };
}
