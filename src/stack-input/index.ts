// The stack input (docs/contract.md `stack input`): region, credentials, endpoint and state backend,
// validated by the document pipeline against schema/stack-input.schema.json plus the cross-field
// checks below. Its `target:` (a whole manifest) is validated by the manifest loader, not here, so
// its errors are reported once.
import { statSync } from 'node:fs';
import type { FileResult } from '../document/diagnostics.js';
import { validateDocument, type Checks, type Located } from '../document/pipeline.js';
import { shellQuote } from '../terminal/shell-quote.js';

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

type Check = Omit<Located, 'severity'>;

// The access key id is an identifier, not a secret (AWS prints it in its own errors); masking short ids
// such as `local` would also garble ordinary words like /usr/local/bin in tofu's output.
const SECRET_FIELDS = ['secretAccessKey', 'sessionToken'] as const;
const S3_ONLY = ['bucket', 'key', 'region', 'endpoint', 'usePathStyle', 'profile', 'useLockfile', 'dynamodbTable', 'dynamodbEndpoint', 'encrypt'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The endpoints a stack input may give, as [object, field] of its plain data. */
const ENDPOINTS = [
  ['provider_config', 'endpoint'],
  ['backend', 'endpoint'],
  ['backend', 'dynamodbEndpoint'],
] as const;

function endpointsIn(plain: unknown): { pointer: string; value: string }[] {
  if (!isObj(plain)) return [];
  return ENDPOINTS.flatMap(([parent, field]) => {
    const value = isObj(plain[parent]) ? (plain[parent] as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' ? [{ pointer: `/${parent}/${field}`, value }] : [];
  });
}

/** `user:password` of an http(s) URL, as written and decoded; none when the URL has no user information. */
function userInfoOf(value: string): string[] {
  const raw = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(value)?.[1];
  if (raw === undefined) return [];
  const [user = '', password] = raw.split(/:(.*)/s);
  const decode = (v: string) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  // A password, or a user name alone (a token given as the user), is a secret; so is the whole pair.
  return [raw, ...(password !== undefined ? [password, decode(password)] : [user, decode(user)])].filter((v) => v !== '');
}

/** Secret values, read leniently so an invalid file still gets its secrets masked. */
export function secretsIn(plain: unknown): string[] {
  const pc = isObj(plain) ? plain.provider_config : undefined;
  const keys = isObj(pc) ? SECRET_FIELDS.map((k) => pc[k]).filter((v): v is string => typeof v === 'string' && v !== '') : [];
  return [...new Set([...keys, ...endpointsIn(plain).flatMap((e) => userInfoOf(e.value))])];
}

/** Cross-field checks the schema states only for editors (its if/then/else are not compiled). */
export function stackInputChecks(data: unknown, written: (path: string[]) => boolean = () => true): Check[] {
  const out: Check[] = [];
  if (!isObj(data)) return out;
  for (const e of endpointsIn(data)) {
    // Endpoints are written into the work directory's main.tf.json and into saved plans: no place for a credential.
    if (userInfoOf(e.value).length > 0) {
      out.push({
        code: 'stack-input-endpoint-credentials',
        pointer: e.pointer,
        anchor: 'value',
        message: 'the endpoint URL holds a user name or password; planton writes endpoints into the work directory (main.tf.json) and the saved plan, so it takes none: give the credentials as `accessKeyId`/`secretAccessKey` or `profile`',
      });
    }
  }
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

/** The schema's problems and then the checks; `written` tells what the file says from schema defaults. */
const stackInputStage: Checks = (data, schemaProblems, yaml) => {
  const checks = stackInputChecks(data, (path) => yaml.doc.hasIn(path));
  if (isObj(data) && 'target' in data && !isObj(data.target)) {
    checks.push({ code: 'stack-input-target', pointer: '/target', anchor: 'value', message: '`target` must be a whole AwsDynamodb manifest (a mapping)' });
  }
  return [...schemaProblems, ...checks];
};

export async function loadStackInput(file: string, displayFile = file): Promise<LoadedStackInput> {
  // The target is the manifest loader's to validate (loadManifest with at: '/target'): excluded here.
  const validated = await validateDocument('stack-input', { file, displayFile, exclude: ['/target'] }, stackInputStage);
  const secrets = secretsIn(validated.data);
  const warnings: string[] = [];
  const mode = groupOrOthersCanRead(file);
  if (mode !== undefined && secrets.length > 0) {
    warnings.push(`planton: warning: ${displayFile} holds credentials and is readable by group/others (mode ${mode.toString(8).padStart(4, '0')}); run chmod 600 ${shellQuote(displayFile)}`);
  }
  const { result } = validated;
  if (result.status !== 'valid') return { result, secrets, warnings };
  return { result, input: validated.data as StackInput, secrets, warnings };
}
