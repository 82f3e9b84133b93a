// The default report: one line per problem, `FILE:LINE:COL  spec.path  message`, then a summary line.
// Plain ANSI codes instead of chalk: this module is on `planton validate`'s start-up path, where
// loading chalk measurably cost ~10 ms of a ~150 ms run (the tofu commands use src/terminal/color.ts).
import type { Diagnostic, FileResult } from '../document/diagnostics.js';

const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const GREEN = '\x1b[32m';
const RESET = '\x1b[39m';

function paint(text: string, code: string, color: boolean): string {
  return color ? `${code}${text}${RESET}` : text;
}

export function formatDiagnostic(d: Diagnostic, color: boolean): string {
  // Line 0 means the whole file (it could not be read): no position to give.
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const message = d.severity === 'warning' ? paint(`warning: ${d.message}`, YELLOW, color) : paint(d.message, RED, color);
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
  lines.push(paint(summary, bad > 0 ? RED : GREEN, opts.color));
  return lines.join('\n') + '\n';
}
