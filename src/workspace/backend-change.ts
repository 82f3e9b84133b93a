// Where the state lives, before init runs: the backend the work directory was initialised with (tofu
// records it in .terraform/terraform.tfstate) against the one planton renders now. A move of the state
// (another type, bucket, key, region or endpoint) copies it only when the user asks (--migrate-state);
// any other backend edit (locking, encryption, path style, profile) re-initialises in place.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { STATE_FILE } from './root-module.js';

export type BackendInit =
  | { kind: 'fresh' }
  /** Same place for the state: init only records the new settings (`-reconfigure`). */
  | { kind: 'same-place' }
  | { kind: 'moved'; from: string; to: string };

interface BackendRecord {
  type: string;
  config: Record<string, unknown>;
}

/** `terraform { backend { <type> = {...} } }` of the rendered root module as a record. */
export function renderedRecord(backend: Record<string, object>): BackendRecord {
  const [type, config] = Object.entries(backend)[0] ?? ['local', {}];
  return { type, config: config as Record<string, unknown> };
}

/** What tofu recorded at the last successful init, or undefined before the first one. */
export function initialisedRecord(workDir: string): BackendRecord | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(workDir, '.terraform', 'terraform.tfstate'), 'utf8')) as { backend?: { type?: string; config?: Record<string, unknown> } };
    if (typeof saved.backend?.type !== 'string') return undefined;
    return { type: saved.backend.type, config: saved.backend.config ?? {} };
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The state's address in words; two records with the same words keep the state in the same place. */
export function stateLocation(r: BackendRecord): string {
  if (r.type === 'local') return `the local file ${str(r.config.path) ?? STATE_FILE}`;
  if (r.type !== 's3') return `the ${r.type} backend`;
  const endpoints = (r.config.endpoints ?? {}) as Record<string, unknown>;
  // `endpoint` is the older spelling of endpoints.s3, still in work directories initialised outside planton.
  const endpoint = str(endpoints.s3) ?? str(r.config.endpoint);
  const prefix = str(r.config.workspace_key_prefix);
  return (
    `s3://${str(r.config.bucket) ?? '?'}/${str(r.config.key) ?? '?'}` +
    ` (region ${str(r.config.region) ?? 'default'}${endpoint ? `, endpoint ${endpoint}` : ''}${prefix ? `, workspace prefix ${prefix}` : ''})`
  );
}

export function backendInit(workDir: string, rendered: Record<string, object>): BackendInit {
  const now = renderedRecord(rendered);
  const before = initialisedRecord(workDir) ?? (now.type !== 'local' && hasLocalState(workDir) ? LOCAL_DEFAULT : undefined);
  // No record but a local state file: .terraform/ was deleted (to force an init) after local runs.
  if (!before) return { kind: 'fresh' };
  const from = stateLocation(before);
  const to = stateLocation(now);
  return from === to ? { kind: 'same-place' } : { kind: 'moved', from, to };
}

const LOCAL_DEFAULT: BackendRecord = { type: 'local', config: { path: STATE_FILE } };

function hasLocalState(workDir: string): boolean {
  const state = join(workDir, STATE_FILE);
  return existsSync(state) && statSync(state).size > 0;
}

/**
 * A copy of the local state file before tofu migrates it, so a migration never costs the only copy:
 * `terraform.tfstate.<time>.before-migrate`. Returns its path, or undefined when there is no state.
 */
export function backupLocalState(workDir: string, now = new Date()): string | undefined {
  if (!hasLocalState(workDir)) return undefined;
  const state = join(workDir, STATE_FILE);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const backup = join(workDir, `${STATE_FILE}.${stamp}.before-migrate`);
  copyFileSync(state, backup);
  return backup;
}

export interface BackendInitPlan {
  args: string[];
  /** Printed before init runs. */
  note?: string;
  /** Run after a successful init; returns a line to print, if any. */
  afterInit?: () => string | undefined;
}

/**
 * The backend flags of `init`. A moved state without --migrate-state stops here (exit 1) before tofu
 * runs, so the old state stays where it is and nothing is copied behind the user's back.
 */
export function backendInitArgs(workDir: string, rendered: Record<string, object>, migrateState: boolean): BackendInitPlan {
  const change = backendInit(workDir, rendered);
  if (change.kind === 'fresh') return { args: [] };
  // Lock or encryption settings changed, the state stays put: tofu only needs to record them.
  if (change.kind === 'same-place') return { args: ['-reconfigure'] };
  if (!migrateState) {
    throw new UsageError(
      `the state backend changed: ${workDir} keeps its state in ${change.from}, the stack input now says ${change.to}`,
      `Pass --migrate-state to copy the state there (the old copy stays where it is), or restore the old backend settings. Nothing was changed.`,
    );
  }
  const backup = (initialisedRecord(workDir)?.type ?? 'local') === 'local' ? backupLocalState(workDir) : undefined;
  const leavesLocal = backup !== undefined && renderedRecord(rendered).type !== 'local';
  return {
    // -force-copy answers tofu's "copy the existing state?" question with yes: the user asked by the flag.
    args: ['-migrate-state', '-force-copy'],
    note: `planton: --migrate-state: copying the state from ${change.from} to ${change.to}${backup ? ` (local copy kept as ${backup})` : ''}`,
    afterInit: leavesLocal ? () => retireLocalState(workDir, backup) : undefined,
  };
}

/**
 * After the state moved away, tofu may leave the old terraform.tfstate in place. Left there, it would be
 * taken for this directory's state after the next forced init, and a second --migrate-state would copy
 * it over the newer remote one. It is removed only when the kept copy holds exactly the same bytes.
 */
export function retireLocalState(workDir: string, backup: string): string | undefined {
  const state = join(workDir, STATE_FILE);
  try {
    if (!hasLocalState(workDir) || !readFileSync(state).equals(readFileSync(backup))) return undefined;
  } catch {
    return undefined;
  }
  rmSync(state);
  return `planton: removed the migrated ${state}; its copy is ${backup}`;
}
