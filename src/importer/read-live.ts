// Reads a live table through terraform itself, not the AWS SDK (the SDK warns on Node 20 and drops
// Node 20 support in 2027): a scratch root module imports the table (and, on AWS, its autoscaling)
// with `import {}` blocks and `lifecycle { ignore_changes = all }`, `plan` reads it, and `show -json`
// hands back the provider's own view of it. Nothing is applied; the scratch directory is removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { buildChildEnv, type AwsSettings } from '../tofu/env.js';
import type { Mask } from '../tofu/mask.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import type { LiveAutoScaling } from './to-manifest.js';

export interface ReadLiveOptions {
  tableName: string;
  aws: AwsSettings;
  /** The tofu/terraform executable. */
  binary: string;
  pluginDir?: string;
  env: NodeJS.ProcessEnv;
  mask: Mask;
  /** Where terraform's messages go when it fails (they are held back while it succeeds). */
  stderr: (text: string) => void;
  /** Application Auto Scaling is a separate AWS service (absent from DynamoDB Local): read it only when true. */
  autoscaling: boolean;
  /** The provider block, as workspace/provider.ts renders it for the tofu commands. */
  provider: object;
}

export interface LiveTable {
  /** aws_dynamodb_table attributes as the provider read them. */
  table: Record<string, unknown>;
  autoscaling: LiveAutoScaling[];
  /** What could not be read, one sentence each. */
  notes: string[];
}

const TABLE_ADDRESS = 'aws_dynamodb_table.live';

export async function readLiveTable(opts: ReadLiveOptions): Promise<LiveTable> {
  const dir = mkdtempSync(join(tmpdir(), 'planton-import-'));
  try {
    const scratch = new Scratch(dir, opts);
    await scratch.init();
    const shown = await scratch.plan(tableModule(opts));
    if (!shown.ok) {
      if (/non-existent remote object|ResourceNotFoundException|Cannot find resource/i.test(shown.log)) {
        throw new UsageError(`table '${opts.tableName}' was not found in ${where(opts.aws)}`, 'Check --table, the region and the credentials (or --local).');
      }
      opts.stderr(opts.mask(shown.log));
      throw new EnvironmentError(`could not read table '${opts.tableName}': terraform plan failed (its messages are above)`);
    }
    const table = valuesOf(shown.plan, TABLE_ADDRESS);
    if (!table) throw new EnvironmentError(`terraform read no table '${opts.tableName}' (the plan had no ${TABLE_ADDRESS})`);
    const notes: string[] = [];
    const autoscaling = opts.autoscaling ? await readAutoScaling(scratch, opts, table, notes) : [];
    return { table, autoscaling, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function where(aws: AwsSettings): string {
  return aws.endpoint ? `${aws.region} at ${aws.endpoint}` : aws.region;
}

/** The one place terraform runs for `planton import`: init once, then plan + show per module text. */
class Scratch {
  private readonly ctx: RunContext;
  private log = '';
  constructor(
    private readonly dir: string,
    private readonly opts: ReadLiveOptions,
  ) {
    this.ctx = {
      binary: opts.binary,
      cwd: dir,
      env: buildChildEnv(opts.env, opts.aws),
      mask: opts.mask,
      stdout: (t) => void (this.log += t),
      stderr: (t) => void (this.log += t),
    };
  }

  async init(): Promise<void> {
    this.write({});
    const plugin = this.opts.pluginDir ? [`-plugin-dir=${resolve(this.opts.pluginDir)}`] : [];
    this.log = '';
    const r = await runTofu(this.ctx, ['init', '-input=false', '-no-color', '-backend=false', ...plugin]);
    if (r.exitCode !== 0) {
      this.opts.stderr(this.opts.mask(this.log));
      throw new EnvironmentError('could not read the table: terraform init failed in a scratch directory (its messages are above)', 'Offline? Pass --plugin-dir or set PLANTON_PLUGIN_DIR.');
    }
  }

  async plan(module: object): Promise<{ ok: true; plan: TerraformPlanJson; log: string } | { ok: false; log: string }> {
    this.write(module);
    this.log = '';
    const planned = await runTofu(this.ctx, ['plan', '-input=false', '-no-color', '-lock=false', '-out=live.tfplan']);
    if (planned.exitCode !== 0) return { ok: false, log: this.log };
    const shown = await runTofu(this.ctx, ['show', '-json', '-no-color', 'live.tfplan'], { capture: true });
    if (shown.exitCode !== 0) return { ok: false, log: this.log };
    return { ok: true, plan: JSON.parse(shown.stdout) as TerraformPlanJson, log: this.log };
  }

  private write(extra: object): void {
    const root = {
      '//': 'Scratch module of `planton import`: reads a live table, applies nothing. No credentials here.',
      terraform: { required_providers: { aws: { source: 'hashicorp/aws' } } },
      provider: { aws: this.opts.provider },
      ...extra,
    };
    writeFileSync(join(this.dir, 'main.tf.json'), JSON.stringify(root, null, 2));
  }
}

/** `ignore_changes = all`: the placeholders below are never compared, so the plan only reads. */
const READ_ONLY = { lifecycle: [{ ignore_changes: 'all' }] };

function tableModule(opts: ReadLiveOptions): object {
  return {
    import: [{ to: TABLE_ADDRESS, id: opts.tableName }],
    resource: {
      aws_dynamodb_table: {
        live: { name: opts.tableName, hash_key: 'planton_placeholder', attribute: [{ name: 'planton_placeholder', type: 'S' }], ...READ_ONLY },
      },
    },
  };
}

function valuesOf(plan: TerraformPlanJson, address: string): Record<string, unknown> | undefined {
  const rc = (plan.resource_changes ?? []).find((r) => r.address === address);
  const v = rc?.change.before ?? rc?.change.after;
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
}

interface Candidate {
  key: string;
  resourceId: string;
  dimension: string;
  policyName: string;
}

/** Autoscaling targets of the table and each GSI, with the policy names tf-module/autoscaling.tf uses.
 *  A target or policy that does not exist fails its import; those are dropped and the plan is retried. */
async function readAutoScaling(scratch: Scratch, opts: ReadLiveOptions, table: Record<string, unknown>, notes: string[]): Promise<LiveAutoScaling[]> {
  if (table.billing_mode !== 'PROVISIONED') return [];
  const candidates: Candidate[] = [];
  const add = (resourceId: string, level: 'table' | 'index', keyBase: string) => {
    for (const side of ['Read', 'Write'] as const) {
      candidates.push({
        key: `${keyBase}_${side.toLowerCase()}`.replace(/[^a-zA-Z0-9_]/g, '_'),
        resourceId,
        dimension: `dynamodb:${level}:${side}CapacityUnits`,
        policyName: `DynamoDB${side}CapacityUtilization:${resourceId}`,
      });
    }
  };
  add(`table/${opts.tableName}`, 'table', 't');
  const gsis = Array.isArray(table.global_secondary_index) ? (table.global_secondary_index as { name?: string }[]) : [];
  gsis.forEach((g, i) => add(`table/${opts.tableName}/index/${g.name}`, 'index', `i${i}`));

  let targets = candidates;
  let policies = candidates;
  for (let attempt = 0; attempt < 3 && targets.length > 0; attempt++) {
    const shown = await scratch.plan(autoScalingModule(targets, policies));
    if (shown.ok) return targets.map((c) => liveScaling(shown.plan, c, policies.includes(c)));
    const missing = new Set([...shown.log.matchAll(/with (aws_appautoscaling_(?:target|policy))\.(\w+)/g)].map((m) => `${m[1]}.${m[2]}`));
    if (missing.size === 0) {
      notes.push('autoscaling was not read: terraform could not import it (run with the same credentials in the AWS console to check Application Auto Scaling permissions)');
      return [];
    }
    targets = targets.filter((c) => !missing.has(`aws_appautoscaling_target.${c.key}`));
    policies = policies.filter((c) => targets.includes(c) && !missing.has(`aws_appautoscaling_policy.${c.key}`) && !missing.has(`aws_appautoscaling_target.${c.key}`));
  }
  return [];
}

function autoScalingModule(targets: Candidate[], policies: Candidate[]): object {
  const target: Record<string, object> = {};
  const policy: Record<string, object> = {};
  const imports: { to: string; id: string }[] = [];
  for (const c of targets) {
    target[c.key] = { service_namespace: 'dynamodb', resource_id: c.resourceId, scalable_dimension: c.dimension, min_capacity: 1, max_capacity: 1, ...READ_ONLY };
    imports.push({ to: `aws_appautoscaling_target.${c.key}`, id: `dynamodb/${c.resourceId}/${c.dimension}` });
  }
  for (const c of policies) {
    policy[c.key] = { name: c.policyName, service_namespace: 'dynamodb', resource_id: c.resourceId, scalable_dimension: c.dimension, ...READ_ONLY };
    imports.push({ to: `aws_appautoscaling_policy.${c.key}`, id: `dynamodb/${c.resourceId}/${c.dimension}/${c.policyName}` });
  }
  const resource: Record<string, object> = { aws_appautoscaling_target: target };
  if (policies.length) resource.aws_appautoscaling_policy = policy;
  return { import: imports, resource };
}

function liveScaling(plan: TerraformPlanJson, c: Candidate, withPolicy: boolean): LiveAutoScaling {
  const t = valuesOf(plan, `aws_appautoscaling_target.${c.key}`) ?? {};
  const out: LiveAutoScaling = {
    resourceId: c.resourceId,
    scalableDimension: c.dimension,
    minCapacity: Number(t.min_capacity ?? 1),
    maxCapacity: Number(t.max_capacity ?? 1),
  };
  const p = withPolicy ? valuesOf(plan, `aws_appautoscaling_policy.${c.key}`) : undefined;
  const cfg = Array.isArray(p?.target_tracking_scaling_policy_configuration) ? (p!.target_tracking_scaling_policy_configuration as Record<string, unknown>[])[0] : undefined;
  if (cfg) {
    if (typeof cfg.target_value === 'number') out.targetValue = cfg.target_value;
    if (typeof cfg.scale_in_cooldown === 'number') out.scaleInCooldown = cfg.scale_in_cooldown;
    if (typeof cfg.scale_out_cooldown === 'number') out.scaleOutCooldown = cfg.scale_out_cooldown;
  }
  return out;
}
