// `--format markdown`: a pull-request comment. What needs a person comes first (refused replacements,
// failed runs, invalid manifests, each with its cause and, folded, tofu's output), then every change in
// manifest terms, then all unchanged tables in one line, so a fleet of fifty with one change reads short.
import { formatDiagnostic } from '../../report/text.js';
import type { ManifestResult, Verdict } from '../result.js';
import { changeLine } from './changes.js';
import { attentionFirst, manifestsText, secondsText, tallyText, verdictText, type FleetRun } from './verdict.js';

const ATTENTION: ReadonlySet<Verdict> = new Set(['refused', 'failed', 'invalid', 'skipped']);

/** Text inside a table cell: a pipe would end the cell, a newline the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** A code span that survives backticks in the text. */
const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

export function formatFleetMarkdown(run: FleetRun, opts: { logs: boolean }): string {
  const { results } = run;
  const attention = attentionFirst(results.filter((r) => ATTENTION.has(r.verdict)));
  const changed = results.filter((r) => !ATTENTION.has(r.verdict) && r.verdict !== 'no-changes');
  const unchanged = results.filter((r) => r.verdict === 'no-changes');
  const out: string[] = [
    `### planton ${run.op}: ${manifestsText(results.length)}`,
    '',
    `**${tallyText(results) || 'nothing to do'}** · exit code ${run.exitCode} · ${secondsText(run.seconds)}`,
  ];

  if (attention.length > 0) {
    out.push('', '#### Needs attention', '', '| Manifest | Table | Verdict |', '|---|---|---|');
    for (const r of attention) out.push(`| ${code(r.file)} | ${r.table ? code(r.table) : '–'} | ${cell(verdictText(r) + (r.reason ? `: ${r.reason}` : ''))} |`);
    for (const r of attention) out.push(...folded(r, opts.logs));
  }
  if (changed.length > 0) {
    out.push('', '#### Changes');
    for (const r of changed) {
      out.push('', `**${code(r.file)}** → table ${r.table ? code(r.table) : '–'}: ${verdictText(r)}`);
      if (r.changes.length > 0) out.push('', ...r.changes.map((c) => `- ${code(changeLine(c))}`));
      if (opts.logs && r.log.trim() !== '') out.push(...details(`${r.op} output`, r.log));
    }
  }
  if (unchanged.length > 0) {
    out.push('', '#### Unchanged', '', `${unchanged.length} unchanged: ${unchanged.map((r) => (r.table ? `${code(r.table)} (${code(r.file)})` : code(r.file))).join(', ')}`);
  }
  return out.join('\n') + '\n';
}

/** An attention item's evidence, folded: the manifest's problems, or tofu's output for a run that failed. */
function folded(r: ManifestResult, logs: boolean): string[] {
  if (r.verdict === 'invalid' && r.diagnostics.length > 0) return details(`${r.file}: problems`, r.diagnostics.map((d) => formatDiagnostic(d, false)).join('\n'));
  if ((r.verdict === 'failed' || r.verdict === 'refused' || logs) && r.log.trim() !== '') return details(`${r.file}: ${r.op} output`, r.log);
  return [];
}

function details(summary: string, text: string): string[] {
  // A fence longer than any backtick run inside, so tofu's output cannot close it.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return ['', `<details><summary>${escapeHtml(summary)}</summary>`, '', `${fence}text`, text.trimEnd(), fence, '', '</details>'];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
