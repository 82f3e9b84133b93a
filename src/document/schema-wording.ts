// How schema messages name types, values and lists of allowed values (never echoing a credential).
const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

export const SECRET_FIELD = /secret|token|password|accesskey/i;
export const SECRET_VALUE = Symbol('secret');

export function describe(value: unknown): string {
  if (value === SECRET_VALUE) return 'the given value';
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value}\``;
  return `\`${String(value)}\``;
}

export function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : String(value);
}

export function typeList(t: unknown): string {
  const list = (Array.isArray(t) ? t : [t]).map((x) => TYPE_NAMES[String(x)] ?? String(x));
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0]!;
}

export function orList(values: readonly unknown[]): string {
  const s = values.map((v) => (v === ' ' ? "' ' (space)" : v === '\t' ? "'\\t' (tab)" : shown(v)));
  return s.length > 1 ? `${s.slice(0, -1).join(', ')} or ${s[s.length - 1]}` : (s[0] ?? '');
}

/**
 * A value of the wrong YAML type says what it is, so `"5"` reads as the string it is: quotes make a
 * string in YAML, and a number or boolean written where text is wanted needs them.
 */
export function wrongType(value: unknown, wanted: unknown): string {
  const want = typeList(wanted);
  const types = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
  if (value === SECRET_VALUE) return `must be ${want}, not the given value`;
  if (typeof value === 'string') {
    const n = value.trim() === '' ? NaN : Number(value);
    const numeric = Number.isFinite(n) && (types.includes('number') || (types.includes('integer') && Number.isInteger(n)));
    const boolean = types.includes('boolean') && (value === 'true' || value === 'false');
    return `is the string ${JSON.stringify(value)}, not ${want}${numeric || boolean ? `: write ${value} without quotes` : ''}`;
  }
  const quote = types.includes('string') && (typeof value === 'number' || typeof value === 'boolean') ? `: quote it ("${String(value)}") to make it text` : '';
  if (typeof value === 'number') return `is the number ${String(value)}, not ${want}${quote}`;
  if (typeof value === 'boolean') return `is ${String(value)} (a boolean), not ${want}${quote}`;
  return `is ${describe(value)}, not ${want}`;
}
