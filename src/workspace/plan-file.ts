// `plan` saves planton.tfplan and the hash of what it was planned from; `apply` right after a plan of the
// same inputs applies that file instead of planning again (which would start the provider and refresh
// once more). The inputs: the root module, the tfvars, the state (serial + lineage), the binary, and who
// the credentials are.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../files/hash.js';
import { ROOT_MODULE_FILE, TFVARS_FILE } from './workdir.js';
import { STATE_FILE } from './root-module.js';
import type { TableLoss } from '../tofu/guard.js';
import type { PlanAnalysis } from '../plan/analyse.js';
import type { KeyTypeChange } from '../plan/key-types.js';

export const PLAN_FILE = 'planton.tfplan';
export const PLAN_META_FILE = 'planton.tfplan.json';

export interface PlanMeta {
  inputs: string;
  /** The guard's verdict on that plan, so apply of the saved file needs no `show -json`. */
  losses: TableLoss[];
  /** Applying changes a resource (the exit code 2 of --detailed-exitcode). */
  changes: boolean;
  /** terraform would change outputs only (no drift): apply refreshes them quietly. */
  outputsOnly?: boolean;
  /** The plan creates a table that already exists and the state does not hold (live-table.ts). */
  liveTableUnknown?: boolean;
  /** The plan analysis in manifest terms (for --json), when the plan changes something. */
  analysis?: PlanAnalysis;
  /** Key types that differ from the live table's (the provider plans nothing for them). */
  keyTypes?: KeyTypeChange[];
  /** Planned with `-replace` of the table (apply --allow-replace, for a key type change). */
  replacing?: boolean;
  /** A destroy plan (`plan --destroy`): only `destroy` applies it. */
  destroy?: boolean;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** The local state's serial and lineage: they change with every write of the state. */
export function stateStamp(workDir: string): string {
  const text = readOr(join(workDir, STATE_FILE), '');
  if (text === '') return 'no-state';
  try {
    const s = JSON.parse(text) as { serial?: number; lineage?: string };
    return `${s.lineage ?? ''}:${s.serial ?? ''}`;
  } catch {
    return sha256(text);
  }
}

export function planInputsHash(workDir: string, extra: { binary: string; identity: string }): string {
  return sha256(
    JSON.stringify({
      root: readOr(join(workDir, ROOT_MODULE_FILE), ''),
      tfvars: readOr(join(workDir, TFVARS_FILE), ''),
      state: stateStamp(workDir),
      binary: extra.binary,
      identity: extra.identity,
    }),
  );
}

export function savePlanMeta(workDir: string, meta: PlanMeta): void {
  writeFileSync(join(workDir, PLAN_META_FILE), JSON.stringify(meta, null, 2) + '\n');
}

/**
 * The saved plan, when it exists, was made from exactly these inputs, is of the kind asked for
 * (`apply` never picks up a destroy plan, `destroy` never an apply plan) and changes something. A plan
 * that found nothing to do is never reused: the table may have drifted since, and "nothing to apply"
 * from an old plan would leave that drift in place.
 */
export function reusablePlan(workDir: string, inputs: string, kind: { destroy?: boolean } = {}): PlanMeta | undefined {
  if (!existsSync(join(workDir, PLAN_FILE))) return undefined;
  try {
    const meta = JSON.parse(readFileSync(join(workDir, PLAN_META_FILE), 'utf8')) as PlanMeta;
    return meta.inputs === inputs && meta.changes && (meta.destroy ?? false) === (kind.destroy ?? false) ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** A plan is applied at most once; a stale one would be refused by tofu anyway. */
export function discardPlan(workDir: string): void {
  rmSync(join(workDir, PLAN_FILE), { force: true });
  rmSync(join(workDir, PLAN_META_FILE), { force: true });
}
