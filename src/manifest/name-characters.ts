// Names AWS stores byte for byte: a control character, a bidirectional override or a lone surrogate
// (which has no UTF-8 form at all) makes a name that looks like another, or cannot be sent. Refused,
// on the name, for every attribute name a manifest writes (table and index names allow only ASCII
// letters, digits, `_`, `.` and `-`: rules/ refuses everything else there already).
import { joinPointer } from '../document/pointer.js';
import type { Violation } from './violation.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// \p{Cc}: C0/C1 controls (NUL, ESC, DEL...); the rest change how text is displayed without being seen.
const HIDDEN = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\p{Surrogate}/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a name cannot be used, or undefined when it can. */
export function hiddenCharacter(name: string): string | undefined {
  const m = HIDDEN.exec(name);
  if (!m) return undefined;
  const ch = m[0];
  const at = `at character ${[...name.slice(0, m.index)].length + 1}`;
  if (/\p{Surrogate}/u.test(ch)) return `contains a lone surrogate (${codePoint(ch)}) ${at}, which is not valid UTF-8`;
  if (/\p{Cc}/u.test(ch)) return `contains the control character ${codePoint(ch)} ${at}`;
  return `contains the invisible formatting character ${codePoint(ch)} ${at}, which makes the name look like another`;
}

/** Every name in the manifest with a hidden character, located on the name. */
export function checkNameCharacters(manifest: unknown): Violation[] {
  const out: Violation[] = [];
  const check = (value: unknown, path: (string | number)[], what: string) => {
    if (typeof value !== 'string') return;
    const why = hiddenCharacter(value);
    if (why) out.push({ code: 'name-hidden-character', pointer: joinPointer(path), anchor: 'value', message: `${what} ${why}` });
  };
  const root = obj(manifest);
  const spec = obj(root?.spec);
  if (!spec) return out;
  const key = (k: unknown, path: (string | number)[]) => check(obj(k)?.name, [...path, 'name'], 'the attribute name');
  key(spec.partitionKey, ['spec', 'partitionKey']);
  key(spec.sortKey, ['spec', 'sortKey']);
  check(obj(spec.ttl)?.attributeName, ['spec', 'ttl', 'attributeName'], 'the attribute name');
  for (const kind of ['globalSecondaryIndexes', 'localSecondaryIndexes'] as const) {
    list(spec[kind]).forEach((item, i) => {
      const index = obj(item);
      const path = ['spec', kind, i];
      key(index?.partitionKey, [...path, 'partitionKey']);
      key(index?.sortKey, [...path, 'sortKey']);
      list(obj(index?.projection)?.nonKeyAttributes).forEach((a, j) => check(a, [...path, 'projection', 'nonKeyAttributes', j], 'the attribute name'));
    });
  }
  return out;
}
