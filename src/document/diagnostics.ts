// One shape for every problem planton reports: YAML syntax, schema, cross-field rules, stack input.
// Positions are 1-based; `path` is the manifest path a person reads (spec.globalSecondaryIndexes[1].projection),
// `pointer` the JSON pointer it came from (/spec/globalSecondaryIndexes/1/projection).
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  path: string;
  pointer: string;
  file: string;
  line: number;
  col: number;
}

/** kubeconform's split: the user's file is wrong ("invalid") vs planton could not run ("error"). */
export type Status = 'valid' | 'invalid' | 'error';

export interface FileResult {
  file: string;
  status: Status;
  diagnostics: Diagnostic[];
}

/** Problems reported per file; past this the file is not a manifest with typos but something else. */
export const MAX_DIAGNOSTICS = 100;

/** A problem with the file as a whole; line 0 means "no position". */
export function fileProblem(file: string, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, path: '', pointer: '', file, line: 0, col: 0 };
}

/**
 * The last step for every file, whichever checks found its problems: reading order (line, column,
 * then path; file-level problems at line 0 first), each problem once, then `trailing` (problems about
 * the whole file that read best after the located ones), and at most MAX_DIAGNOSTICS with one line
 * counting the rest. `omitted` counts problems an earlier step dropped before locating them.
 */
export function finishDiagnostics(file: string, list: readonly Diagnostic[], opts: { trailing?: readonly Diagnostic[]; omitted?: number } = {}): Diagnostic[] {
  const seen = new Set<string>();
  const ordered = list
    .slice()
    .sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path))
    .concat(opts.trailing ?? [])
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.col}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const more = Math.max(0, ordered.length - MAX_DIAGNOSTICS) + (opts.omitted ?? 0);
  if (more === 0) return ordered;
  return [...ordered.slice(0, MAX_DIAGNOSTICS), fileProblem(file, 'too-many-problems', `${more} more problems not shown; fix the ones above first`)];
}
