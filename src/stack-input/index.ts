// The stack input (design §3): region, credentials, endpoint and state backend, validated against
// schema/stack-input.schema.json with located diagnostics. Its `target:` (a whole manifest) is validated
// by the manifest pipeline, not here, so its errors are reported once.
import { statSync } from 'node:fs';
import type { Diagnostic, FileResult } from '../diagnostics.js';
import { pointerToPath } from '../diagnostics.js';
import { validateDocumentAgainst } from '../manifest/index.js';
import { locate, type Anchor } from '../manifest/locate.js';
import { shellQuote } from '../shell-quote.js';

import type { Backend, ProviderConfig } from '../generated/stack-input.js';

export type { ProviderConfig };

/** The backend as the file gives it: local, or s3 with the bucket and key it requires. */
export type StackBackend = { type: 'local' } | (Omit<Backend, 'type' | 'bucket' | 'key'> & { type: 's3'; bucket: string; key: string });

export interface StackInput {
  provider_config?: ProviderConfig;
  backend?: StackBackend;
  target?: unknown;
}

export interface LoadedStackInput {
  result: FileResult;
  input?: StackInput;
  /** Secret values found in the file, even when it is invalid: everything printed is masked with them. */
  secrets: string[];
  /** One line each, e.g. the file is readable by others. */
  warnings: string[];
}

interface Check {
  code: string;
  pointer: string;
  anchor: Anchor;
  message: string;
}

// The access key id is an identifier, not a secret (AWS prints it in its own errors); masking short ids
// such as `local` would also garble ordinary words like /usr/local/bin in tofu's output.
const SECRET_FIELDS = ['secretAccessKey', 'sessionToken'] as const;
const S3_ONLY = ['bucket', 'key', 'region', 'endpoint', 'usePathStyle', 'profile', 'useLockfile', 'dynamodbTable', 'dynamodbEndpoint', 'encrypt'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Secret values, read leniently so an invalid file still gets its secrets masked. */
export function secretsIn(plain: unknown): string[] {
  const pc = isObj(plain) ? plain.provider_config : undefined;
  if (!isObj(pc)) return [];
  return SECRET_FIELDS.map((k) => pc[k]).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Cross-field checks the schema states only for editors (its if/then/else are not compiled). */
export function stackInputChecks(data: unknown, written: (path: string[]) => boolean = () => true): Check[] {
  const out: Check[] = [];
  if (!isObj(data)) return out;
  const pc = data.provider_config;
  if (isObj(pc) && pc.profile !== undefined && (pc.accessKeyId !== undefined || pc.secretAccessKey !== undefined)) {
    out.push({
      code: 'stack-input-profile-and-keys',
      pointer: '/provider_config/profile',
      anchor: 'key',
      message: 'give either `profile` or `accessKeyId`/`secretAccessKey`, not both: tofu would use only one of them',
    });
  }
  const be = data.backend;
  if (isObj(be)) {
    const type = be.type ?? 'local';
    if (type === 's3') {
      for (const field of ['bucket', 'key']) {
        if (be[field] === undefined) out.push({ code: 'schema-required', pointer: '/backend', anchor: 'key', message: `missing required field \`${field}\` (an s3 backend needs bucket and key)` });
      }
      if (be.dynamodbEndpoint !== undefined && be.dynamodbTable === undefined) {
        out.push({
          code: 'stack-input-lock-endpoint',
          pointer: '/backend/dynamodbEndpoint',
          anchor: 'key',
          message: '`dynamodbEndpoint` is where the `dynamodbTable` lock table lives; name the table with `dynamodbTable` too, or remove the endpoint',
        });
      }
    } else if (type === 'local') {
      for (const field of S3_ONLY) {
        // Only what the file says: schema defaults (useLockfile, encrypt) are filled in for every backend.
        if (be[field] !== undefined && written(['backend', field])) out.push({ code: 'stack-input-s3-field', pointer: `/backend/${field}`, anchor: 'key', message: `\`${field}\` is only for \`type: s3\`; the local backend keeps state in the work directory` });
      }
    }
  }
  return out;
}

function groupOrOthersCanRead(file: string): number | undefined {
  try {
    const mode = statSync(file).mode & 0o777;
    return (mode & 0o044) !== 0 ? mode : undefined;
  } catch {
    return undefined;
  }
}

export async function loadStackInput(file: string, displayFile = file): Promise<LoadedStackInput> {
  // The target is the manifest pipeline's to validate (loadManifest with at: '/target'): excluded here.
  const validated = await validateDocumentAgainst('stack-input', { file, displayFile, exclude: ['/target'] });
  const secrets = secretsIn(validated.data);
  const warnings: string[] = [];
  const mode = groupOrOthersCanRead(file);
  if (mode !== undefined && secrets.length > 0) {
    warnings.push(`planton: warning: ${displayFile} holds credentials and is readable by group/others (mode ${mode.toString(8).padStart(4, '0')}); run chmod 600 ${shellQuote(displayFile)}`);
  }
  if (!validated.yaml || validated.data === undefined) return { result: validated.result, secrets, warnings };

  const { doc, lineCounter } = validated.yaml;
  const diagnostics: Diagnostic[] = [...validated.result.diagnostics];
  const push = (code: string, pointer: string, anchor: Anchor, message: string) => {
    if (diagnostics.some((d) => d.pointer === pointer && d.message === message)) return;
    const { line, col } = locate(doc, lineCounter, pointer, anchor);
    diagnostics.push({ code, severity: 'error', message, path: pointerToPath(pointer), pointer, file: displayFile, line, col });
  };
  for (const c of stackInputChecks(validated.data, (path) => doc.hasIn(path))) push(c.code, c.pointer, c.anchor, c.message);
  const data = validated.data as Record<string, unknown>;
  if ('target' in data && !isObj(data.target)) push('stack-input-target', '/target', 'value', '`target` must be a whole AwsDynamodb manifest (a mapping)');

  diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
  const invalid = diagnostics.some((d) => d.severity === 'error');
  const result: FileResult = { file: displayFile, status: invalid ? 'invalid' : 'valid', diagnostics };
  if (invalid) return { result, secrets, warnings };
  return { result, input: data as StackInput, secrets, warnings };
}
