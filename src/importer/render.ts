// An imported manifest → YAML text, with the schema line editors use (yaml-language-server) first.
import { relative, sep } from 'node:path';
import { stringify } from 'yaml';
import type { AwsDynamodb } from '../generated/manifest.js';

/** `$schema` path as seen from the directory the manifest is written to (posix separators). */
export function schemaReference(manifestDir: string, schemaPath: string): string {
  const rel = relative(manifestDir, schemaPath).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function renderManifestYaml(manifest: AwsDynamodb, opts: { schemaRef: string; source: string }): string {
  const body = stringify(manifest, { lineWidth: 0, aliasDuplicateObjects: false });
  return `# yaml-language-server: $schema=${opts.schemaRef}\n# Written by \`planton import\` from ${opts.source}.\n${body}`;
}
