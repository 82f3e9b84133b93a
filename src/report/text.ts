// The default report: one line per problem, `FILE:LINE:COL  spec.path  message`, then a summary line.
import { colors } from '../color.js';
import type { Diagnostic, FileResult } from '../diagnostics.js';

function formatDiagnostic(d: Diagnostic, color: boolean): string {
  // Line 0 means the whole file (it could not be read): no position to give.
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const message = d.severity === 'warning' ? colors(color).yellow(`warning: ${d.message}`) : colors(color).red(d.message);
  return d.path ? `${where}  ${d.path}  ${message}` : `${where}  ${message}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(results: FileResult[], opts: { color: boolean }): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(formatDiagnostic(d, opts.color));
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  const valid = results.filter((r) => r.status === 'valid').length;
  const bad = results.length - valid;
  const only = results.length === 1 ? results[0] : undefined;
  // A file that could not be read at all: its one line says everything.
  if (only?.status === 'error' && lines.length > 0) return lines.join('\n') + '\n';
  let summary = only ? `${only.file}: ${only.status === 'valid' ? 'valid' : 'invalid'}` : `${plural(results.length, 'file')} checked: ${valid} valid, ${bad} invalid`;
  if (errors > 0 || warnings > 0) {
    summary += ` (${[errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ')})`;
  }
  lines.push(bad > 0 ? colors(opts.color).red(summary) : colors(opts.color).green(summary));
  return lines.join('\n') + '\n';
}
