// The CI report: one JSON document with a fixed key order (kubeconform-like: a status per file and its
// diagnostics), so scripts can rely on it and tests can compare it exactly.
import type { FileResult } from '../document/diagnostics.js';

export function formatJson(results: FileResult[]): string {
  const doc = {
    summary: {
      files: results.length,
      valid: results.filter((r) => r.status === 'valid').length,
      invalid: results.filter((r) => r.status === 'invalid').length,
      error: results.filter((r) => r.status === 'error').length,
    },
    files: results.map((r) => ({
      file: r.file,
      status: r.status,
      diagnostics: r.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        col: d.col,
        severity: d.severity,
        code: d.code,
        path: d.path,
        pointer: d.pointer,
        message: d.message,
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
