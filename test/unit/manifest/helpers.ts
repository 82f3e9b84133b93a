// Shared helpers for the manifest tests: build a manifest around a spec, and render diagnostics as
// `LINE:COL  path  message [code]` strings so each test compares exact positions and sentences.
import { loadManifest } from '../../../src/manifest/index.js';
import type { Diagnostic } from '../../../src/document/diagnostics.js';

/** Lines 1-5 are the header; the spec body starts on line 6. */
export function withSpec(spec: string, metadata = '  name: users\n'): string {
  return `apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n${metadata}spec:\n${spec}`;
}

export const PK = '  partitionKey:\n    name: id\n    type: STRING\n';

export function render(d: Diagnostic): string {
  return `${d.line}:${d.col}  ${d.path ? `${d.path}  ` : ''}${d.message} [${d.code}]`;
}

export async function problems(text: string, opts: { region?: string; sets?: string[] } = {}): Promise<string[]> {
  const { result } = await loadManifest({ file: 'm.yaml', text, ...opts });
  return result.diagnostics.map(render);
}
