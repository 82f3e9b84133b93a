// JSON pointer → 1-based line:col of the YAML node it names. Checks speak in pointers and only this
// module turns them into positions: when the path does not exist (a default, a missing field) the
// nearest existing ancestor is used, on its key so the reader lands on the line that needs the change.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Pair } from 'yaml';
import { splitPointer } from './pointer.js';

/** 'key' points at the property name (unknown field, missing property); 'value' at what it holds. */
export type Anchor = 'key' | 'value';

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  if (k === null || k === undefined) return undefined;
  return typeof k === 'object' ? undefined : String(k);
}

/** The Pair of `map` whose key is `name`. */
export function findPair(map: unknown, name: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p): p is Pair => isPair(p) && keyText(p) === name);
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? r[0] : undefined;
}

/** Offset of the node a pointer names (or of its nearest existing ancestor). */
export function locateOffset(doc: Document, pointer: string, anchor: Anchor = 'value'): number {
  const segments = splitPointer(pointer);
  let node: unknown = doc.contents;
  // The best position found so far: the root, then each step's key or item.
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = findPair(node, seg);
      if (!pair) return best;
      const keyAt = rangeStart(pair.key);
      const valueAt = rangeStart(pair.value);
      if (last && anchor === 'key') return keyAt ?? best;
      best = keyAt ?? best;
      if (last) return valueAt !== undefined && !isEmptyValue(pair.value) ? valueAt : best;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(seg)) {
      const item = node.items[Number(seg)];
      const at = rangeStart(item);
      if (item === undefined || at === undefined) return best;
      best = at;
      if (last) return at;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

/** `foo:` with nothing after it parses to a null scalar with an empty range: point at the key instead. */
function isEmptyValue(node: unknown): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}

export function locate(doc: Document, lineCounter: LineCounter, pointer: string, anchor: Anchor = 'value'): { line: number; col: number } {
  const { line, col } = lineCounter.linePos(locateOffset(doc, pointer, anchor));
  // linePos returns line 0 before the first newline is known (single-line text): clamp to 1-based.
  return { line: Math.max(1, line), col: Math.max(1, col) };
}

