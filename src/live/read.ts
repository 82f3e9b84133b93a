// Reads live tables through terraform itself, not the AWS SDK (the SDK warns on Node 20 and drops Node
// 20 in 2027), many at once: one scratch root (read-root.ts), one init, one `plan` that imports every
// table that exists and plans nothing, and the provider's own view of each from the saved plan, read
// by planton itself (plan/file/) where it can, else through `show -json` (a second provider start).
// The provider starts for that one plan, not once per table. On AWS, autoscaling (a separate service) is
// read the same way in a second plan for the provisioned tables found. Nothing is applied; the scratch
// directory is removed.
import { join } from 'node:path';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { readSavedPlan } from '../plan/file/read-plan.js';
import { buildChildEnv, type AwsSettings } from '../tofu/env.js';
import type { Mask } from '../tofu/mask.js';
import type { LiveAutoScaling } from '../importer/to-manifest.js';
import { openScratch, type Scratch } from '../workspace/scratch.js';
import { EXISTING, readScalingRoot, readTablesRoot, scalingCandidates, tableAddress, tableKey, type ScalingCandidate } from './read-root.js';

type Obj = Record<string, unknown>;

/** One table as the read found it. */
export type LiveRead =
  | { status: 'found'; table: Obj; autoscaling: LiveAutoScaling[]; notes: string[] }
  | { status: 'missing' }
  /** `log` is terraform's own output (masked), for a caller that shows it. */
  | { status: 'unreadable'; reason: string; log: string };

export interface LiveReadOptions {
  tables: readonly string[];
  aws: AwsSettings;
  binary: string;
  pluginDir?: string;
  env: NodeJS.ProcessEnv;
  mask: Mask;
  /** Where terraform's messages go when init fails (they are held back otherwise). */
  stderr: (text: string) => void;
  /** Application Auto Scaling is absent from DynamoDB Local and custom endpoints: read it only when true. */
  autoscaling: boolean;
  provider: object;
  /** Names the scratch directory (`import`, `drift`). */
  purpose: string;
  /** terraform's version when planton reads the scratch plan itself (`ownPlanReading`); else `show -json`. */
  planFileVersion?: string;
}

export interface LiveReadResult {
  tables: Map<string, LiveRead>;
  /** terraform commands run (init included): the cost of the read. */
  commands: number;
}

/** How many times a plan is retried without the tables (or autoscaling targets) that failed it. */
const ATTEMPTS = 3;

export async function readLiveTables(opts: LiveReadOptions): Promise<LiveReadResult> {
  const names = [...new Set(opts.tables)];
  const out = new Map<string, LiveRead>();
  const scratch = await openScratch({
    purpose: opts.purpose,
    provider: opts.provider,
    binary: opts.binary,
    pluginDir: opts.pluginDir,
    env: buildChildEnv(opts.env, opts.aws),
    mask: opts.mask,
    stderr: opts.stderr,
  });
  const counter = { commands: 1 };
  try {
    let remaining = names;
    for (let attempt = 0; attempt < ATTEMPTS && remaining.length > 0; attempt++) {
      const shown = await planAndShow(scratch, readTablesRoot(remaining), counter, opts.planFileVersion);
      if (shown.ok) {
        const existing = existingNames(shown.plan);
        remaining.forEach((name, i) => {
          if (!existing.has(name)) return out.set(name, { status: 'missing' });
          const table = valuesOf(shown.plan, tableAddress(i));
          out.set(name, table ? { status: 'found', table, autoscaling: [], notes: [] } : { status: 'unreadable', reason: 'terraform read nothing for it', log: '' });
        });
        remaining = [];
        break;
      }
      const log = opts.mask(shown.log);
      const reason = firstError(log);
      // Errors name the resource they came from: drop those tables and read the others again.
      const failed = new Set([...shown.log.matchAll(/aws_dynamodb_table\.(t\d+)/g)].map((m) => m[1]!));
      const culprits = shown.interrupted ? [] : remaining.filter((_, i) => failed.has(tableKey(i)));
      const give = culprits.length > 0 ? culprits : remaining;
      for (const name of give) out.set(name, { status: 'unreadable', reason, log });
      remaining = remaining.filter((n) => !give.includes(n));
    }
    for (const name of remaining) out.set(name, { status: 'unreadable', reason: 'terraform failed on every attempt', log: '' });
    if (opts.autoscaling) await readAutoScaling(scratch, out, counter, opts.planFileVersion);
    return { tables: new Map(names.map((n) => [n, out.get(n)!])), commands: counter.commands };
  } finally {
    scratch.remove();
  }
}

type Shown = { ok: true; plan: TerraformPlanJson } | { ok: false; log: string; interrupted: boolean };

async function planAndShow(scratch: Scratch, body: object, counter: { commands: number }, planFileVersion: string | undefined): Promise<Shown> {
  scratch.write(body);
  counter.commands++;
  const planned = await scratch.run(['plan', '-input=false', '-no-color', '-lock=false', '-refresh=true', '-out=live.tfplan']);
  if (planned.exitCode !== 0) return { ok: false, log: planned.log, interrupted: planned.interrupted };
  if (planFileVersion !== undefined) {
    try {
      return { ok: true, plan: readSavedPlan(join(scratch.dir, 'live.tfplan'), planFileVersion) };
    } catch {
      // not a plan planton reads exactly: terraform shows it
    }
  }
  counter.commands++;
  const shown = await scratch.run(['show', '-json', '-no-color', 'live.tfplan'], { capture: true });
  if (shown.exitCode !== 0) return { ok: false, log: shown.log, interrupted: shown.interrupted };
  return { ok: true, plan: JSON.parse(shown.stdout) as TerraformPlanJson };
}

/** terraform's first `Error: …` line, or its last line when it said none. */
function firstError(log: string): string {
  const lines = log.split('\n').map((l) => l.replace(/^[│╷╵\s]+/, '').trim());
  const error = lines.find((l) => l.startsWith('Error: '));
  return (error ?? lines.filter(Boolean).pop() ?? 'terraform plan failed').replace(/^Error: /, '');
}

interface PriorState {
  prior_state?: { values?: { root_module?: { resources?: { address?: string; values?: { names?: unknown } }[] } } };
}

function existingNames(plan: TerraformPlanJson): Set<string> {
  const found = ((plan as PriorState).prior_state?.values?.root_module?.resources ?? []).find((r) => r.address === EXISTING);
  const names = found?.values?.names;
  return new Set(Array.isArray(names) ? names.map(String) : []);
}

function valuesOf(plan: TerraformPlanJson, address: string): Obj | undefined {
  const rc = (plan.resource_changes ?? []).find((r) => r.address === address);
  const v = rc?.change.before ?? rc?.change.after;
  return v && typeof v === 'object' ? (v as Obj) : undefined;
}

/** Autoscaling of every provisioned table found. A target or policy that does not exist fails its
 *  import; those are dropped and the plan is retried. */
async function readAutoScaling(scratch: Scratch, tables: Map<string, LiveRead>, counter: { commands: number }, planFileVersion: string | undefined): Promise<void> {
  const candidates: ScalingCandidate[] = [];
  let n = 0;
  for (const [name, read] of tables) {
    if (read.status !== 'found' || read.table.billing_mode !== 'PROVISIONED') continue;
    const gsis = Array.isArray(read.table.global_secondary_index) ? (read.table.global_secondary_index as { name?: string }[]) : [];
    candidates.push(...scalingCandidates(name, gsis.map((g) => String(g.name)), `a${n++}`));
  }
  let targets = candidates;
  let policies = candidates;
  for (let attempt = 0; attempt < ATTEMPTS && targets.length > 0; attempt++) {
    const shown = await planAndShow(scratch, readScalingRoot(targets, policies), counter, planFileVersion);
    if (shown.ok) {
      for (const c of targets) {
        const read = tables.get(c.table);
        if (read?.status === 'found') read.autoscaling.push(liveScaling(shown.plan, c, policies.includes(c)));
      }
      return;
    }
    const missing = new Set([...shown.log.matchAll(/with (aws_appautoscaling_(?:target|policy))\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`));
    if (missing.size === 0 || shown.interrupted) break;
    targets = targets.filter((c) => !missing.has(`aws_appautoscaling_target.${c.key}`));
    policies = policies.filter((c) => targets.includes(c) && !missing.has(`aws_appautoscaling_policy.${c.key}`));
  }
  if (targets.length === 0) return;
  // terraform could not import autoscaling (permissions, most likely): what was not read is said.
  for (const read of tables.values()) {
    if (read.status === 'found' && read.table.billing_mode === 'PROVISIONED') {
      read.notes.push('autoscaling was not read: terraform could not import it (check the Application Auto Scaling permissions of these credentials)');
    }
  }
}

function liveScaling(plan: TerraformPlanJson, c: ScalingCandidate, withPolicy: boolean): LiveAutoScaling {
  const t = valuesOf(plan, `aws_appautoscaling_target.${c.key}`) ?? {};
  const out: LiveAutoScaling = {
    resourceId: c.resourceId,
    scalableDimension: c.dimension,
    minCapacity: Number(t.min_capacity ?? 1),
    maxCapacity: Number(t.max_capacity ?? 1),
  };
  const p = withPolicy ? valuesOf(plan, `aws_appautoscaling_policy.${c.key}`) : undefined;
  const cfg = Array.isArray(p?.target_tracking_scaling_policy_configuration) ? (p!.target_tracking_scaling_policy_configuration as Obj[])[0] : undefined;
  if (cfg) {
    if (typeof cfg.target_value === 'number') out.targetValue = cfg.target_value;
    if (typeof cfg.scale_in_cooldown === 'number') out.scaleInCooldown = cfg.scale_in_cooldown;
    if (typeof cfg.scale_out_cooldown === 'number') out.scaleOutCooldown = cfg.scale_out_cooldown;
  }
  return out;
}
