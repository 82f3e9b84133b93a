// Small helpers to compare and print provider values taken from plan JSON.

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `after` says nothing new about `before`. Parts of `after` that are missing (values only
 *  known after apply are left out of `after` by terraform) count as unchanged. */
export function sameKnown(before: unknown, after: unknown): boolean {
  if (after === undefined) return true;
  // The provider reads "not set" back as "", [] or {}: all the same to a manifest.
  if (isEmpty(before) && isEmpty(after)) return true;
  if (Array.isArray(after)) {
    if (!Array.isArray(before) || before.length !== after.length) return false;
    return after.every((item, i) => sameKnown(before[i], item));
  }
  if (isObj(after)) {
    if (!isObj(before)) return false;
    return Object.keys(after).every((k) => sameKnown(before[k], after[k]));
  }
  return before === after;
}

/** A short, stable rendering for messages: `5`, `PROVISIONED`, `{enabled: true}`, `(unset)`. */
export function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(unset)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '(none)';
    if (v.length === 1 && isObj(v[0])) return show(v[0]);
    return `[${v.map(show).join(', ')}]`;
  }
  if (isObj(v)) {
    if (Object.keys(v).length === 0) return '(none)';
    const parts = Object.keys(v)
      .sort()
      .filter((k) => !isEmpty(v[k]))
      .map((k) => `${k}: ${show(v[k])}`);
    return `{${parts.join(', ')}}`;
  }
  return JSON.stringify(v);
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

/** The single block of a provider "list of one block" attribute (`ttl`, `point_in_time_recovery`), or undefined. */
export function block(v: unknown): Obj | undefined {
  if (Array.isArray(v) && isObj(v[0])) return v[0];
  return undefined;
}

export function byName(list: unknown): Map<string, Obj> {
  const out = new Map<string, Obj>();
  if (Array.isArray(list)) for (const item of list) if (isObj(item)) out.set(String(item.name ?? ''), item);
  return out;
}
