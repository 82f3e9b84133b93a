// The outputs of design §4, read with `output -json` (no provider start) and printed one per line.

export const MAIN_OUTPUTS = ['table_name', 'table_arn', 'table_id', 'stream_arn', 'stream_label', 'aws_region'];

type TfOutputs = Record<string, { value: unknown; sensitive?: boolean }>;

/** `output -json` → { name: value }, §4's outputs first, then the rest by name. Null outputs are absent. */
export function outputValues(json: string): Record<string, unknown> {
  const parsed = (json.trim() === '' ? {} : JSON.parse(json)) as TfOutputs;
  const names = Object.keys(parsed).sort((a, b) => {
    const ia = MAIN_OUTPUTS.indexOf(a);
    const ib = MAIN_OUTPUTS.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = parsed[n]!.sensitive ? '(sensitive)' : parsed[n]!.value;
  return out;
}

/** `table_name  = "orders"`, aligned; strings quoted like tofu prints them. */
export function formatOutputs(values: Record<string, unknown>): string {
  const names = Object.keys(values);
  if (names.length === 0) return 'planton: no outputs: the table has not been applied yet\n';
  const width = Math.max(...names.map((n) => n.length));
  return ['planton: outputs', ...names.map((n) => `${n.padEnd(width)} = ${JSON.stringify(values[n])}`)].join('\n') + '\n';
}
