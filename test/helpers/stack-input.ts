// The stack input every end-to-end test writes: us-east-1, dummy keys, the local endpoint, mode 0600
// (planton warns about a readable file that holds secrets).
import { writeFileSync } from 'node:fs';

export interface LocalStackInput {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function localStackInputYaml(s: LocalStackInput): string {
  const lines = ['provider_config:', '  region: us-east-1', `  accessKeyId: ${s.accessKeyId}`, `  secretAccessKey: ${s.secretAccessKey}`];
  if (s.sessionToken !== undefined) lines.push(`  sessionToken: ${s.sessionToken}`);
  return [...lines, `  endpoint: ${s.endpoint}`, ''].join('\n');
}

export function writeLocalStackInput(file: string, s: LocalStackInput): void {
  writeFileSync(file, localStackInputYaml(s), { mode: 0o600 });
}
