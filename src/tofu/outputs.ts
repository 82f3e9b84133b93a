// The outputs (table_name, table_arn, ...), read with `output -json` (no provider start) and printed
// one per line on stdout; planton's header for them is its own words, so it goes to stderr.

export const MAIN_OUTPUTS = ['table_name', 'table_arn', 'table_id', 'stream_arn', 'stream_label', 'aws_region'];

export const OUTPUTS_HEADER = 'planton: outputs\n';
export const NO_OUTPUTS = 'planton: no outputs: the table has not been applied yet\n';

type TfOutputs = Record<string, { value: unknown; sensitive?: boolean }>;

/** The module's outputs that planton reads itself (the key type check, src/plan/key-types.ts): not the user's to see. */
export const CHECK_OUTPUTS = ['key_type_drift'];

/** `output -json` → { name: value }, the main outputs first, then the rest by name. Null outputs are absent. */
export function outputValues(json: string): Record<string, unknown> {
  const parsed = (json.trim() === '' ? {} : JSON.parse(json)) as TfOutputs;
  const names = Object.keys(parsed).filter((n) => !CHECK_OUTPUTS.includes(n)).sort((a, b) => {
    const ia = MAIN_OUTPUTS.indexOf(a);
    const ib = MAIN_OUTPUTS.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = parsed[n]!.sensitive ? '(sensitive)' : parsed[n]!.value;
  return out;
}

/** `table_name  = "orders"`, aligned; strings quoted like tofu prints them. Empty for no outputs. */
export function formatOutputs(values: Record<string, unknown>): string {
  const names = Object.keys(values);
  if (names.length === 0) return '';
  const width = Math.max(...names.map((n) => n.length));
  return names.map((n) => `${n.padEnd(width)} = ${JSON.stringify(values[n])}`).join('\n') + '\n';
}

/**
 * A stdout writer for tofu's `apply` that drops tofu's own `Outputs:` block (it ends apply's output):
 * planton prints the outputs once afterwards, in its own order. Receives whole lines (mask.ts).
 */
export function withoutOutputsBlock(write: (text: string) => void): (text: string) => void {
  let dropping = false;
  return (text) => {
    if (dropping) return;
    const lines = text.split(/(?<=\n)/);
    const at = lines.findIndex((l) => plain(l).trim() === 'Outputs:');
    if (at < 0) return write(text);
    dropping = true;
    // The blank line tofu prints before the block goes too; a colour reset in what is dropped is kept.
    const kept = lines.slice(0, at);
    if (kept.length > 0 && plain(kept.at(-1)!).trim() === '') kept.pop();
    const reset = lines.slice(kept.length).some((l) => l.includes('\x1b[')) ? '\x1b[0m' : '';
    if (kept.length > 0 || reset) write(kept.join('') + reset);
  };
}

const plain = (line: string): string => line.replace(/\x1b\[[0-9;]*m/g, '');
