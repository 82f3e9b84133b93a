// PlanAnalysis → what people read after tofu's own plan output, and the `--json` document for CI.
import { colors } from '../terminal/color.js';
import type { Change, PlanAnalysis } from './types.js';

const SYMBOL: Record<Change['action'], string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  read: '<=',
  'no-op': ' ',
};

const EFFECT: Record<Change['effect'], string> = {
  'in-place': 'in place, table stays available',
  'online-backfill': 'online, index backfill',
  'replacement-deletes-items': 'REPLACES THE TABLE',
  delete: 'deleted',
  create: 'created',
};

export function formatSummary(analysis: PlanAnalysis, options: { color: boolean }): string {
  const c = colors(options.color);
  const lines: string[] = [];
  const line = (ch: Change): string => {
    const text = `  ${SYMBOL[ch.action]} ${ch.manifestPath}: ${ch.detail} (${EFFECT[ch.effect]})`;
    if (ch.effect === 'replacement-deletes-items' || (ch.effect === 'delete' && ch.manifestPath === 'spec')) return c.red(text);
    if (ch.action === 'create') return c.green(text);
    if (ch.action === 'delete') return c.red(text);
    return c.yellow(text);
  };

  if (analysis.changes.length === 0 && analysis.imports.length === 0) lines.push('No changes in manifest terms.');
  if (analysis.changes.length > 0) {
    lines.push('Changes in manifest terms:');
    for (const ch of analysis.changes) lines.push(line(ch));
  }
  if (analysis.imports.length > 0) {
    lines.push('Taken into state (nothing is created):');
    for (const im of analysis.imports) lines.push(`  <= ${im.address} (id ${im.id})`);
  }
  if (analysis.drift.length > 0) {
    lines.push('Changed outside planton (drift):');
    for (const ch of analysis.drift) lines.push(c.magenta(`  ~ ${ch.manifestPath}: ${ch.detail}`));
  }
  if (analysis.replacesTable) lines.push(c.red.bold('The table will be replaced: every item in the table will be deleted.'));
  else if (analysis.deletesTable) lines.push(c.red.bold('The table will be deleted: every item in the table will be deleted.'));
  return `${lines.join('\n')}\n`;
}

/*
 * `planton tofu plan --json` / `apply --json`: one JSON document on stdout (README text):
 *
 * | field | meaning |
 * |---|---|
 * | `formatVersion` | `1`; bumped only when a field changes meaning or disappears |
 * | `pending` | `true` when applying the plan would change anything (same as exit code 2 of `--detailed-exitcode`) |
 * | `replacesTable` | `true` when the table is deleted and created again: every item is lost |
 * | `deletesTable` | `true` when the table is deleted (destroy, or a rename with `--allow-replace`) |
 * | `changes[]` | what applying the plan does, one entry per manifest field |
 * | `changes[].manifestPath` | the manifest field, e.g. `spec.sortKey`, `spec.globalSecondaryIndexes[ByCustomer]` (indexes by name); `spec` for the whole table |
 * | `changes[].action` | `create`, `update`, `replace` or `delete` (terraform's action on the resource) |
 * | `changes[].effect` | what AWS does: `in-place`, `online-backfill` (new index built while the table serves traffic), `replacement-deletes-items`, `create`, `delete` |
 * | `changes[].detail` | one sentence for people; wording may change between releases, do not parse it |
 * | `changes[].address` | terraform resource address, e.g. `module.dynamodb.aws_dynamodb_table.this` |
 * | `changes[].before`, `changes[].after` | the provider's values (terraform attribute names), absent when unknown or not applicable |
 * | `drift[]` | same shape as `changes[]`: what refresh found changed outside planton since the last apply |
 * | `imports[]` | `{address, id}` of existing objects the plan takes into state (`apply --adopt`) |
 */
export interface SummaryJson {
  formatVersion: 1;
  pending: boolean;
  replacesTable: boolean;
  deletesTable: boolean;
  changes: Change[];
  drift: Change[];
  imports: { address: string; id: string }[];
}

export function summaryJson(analysis: PlanAnalysis): SummaryJson {
  return {
    formatVersion: 1,
    pending: analysis.pending,
    replacesTable: analysis.replacesTable,
    deletesTable: analysis.deletesTable,
    changes: analysis.changes.map(orderedChange),
    drift: analysis.drift.map(orderedChange),
    imports: analysis.imports.map((i) => ({ address: i.address, id: i.id })),
  };
}

/** Stable key order, so CI diffs of the document stay readable. */
export function orderedChange(c: Change): Change {
  return {
    manifestPath: c.manifestPath,
    action: c.action,
    effect: c.effect,
    detail: c.detail,
    address: c.address,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
  };
}
