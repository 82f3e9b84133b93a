// `planton tofu init|plan|apply|destroy|refresh|output|load-tfvars` (design §3, §4): validate the
// manifest, write the work directory, then drive tofu/terraform with credentials only in its environment.
import { dirname, join, resolve } from 'node:path';
import type { TofuOp, TofuOptions } from '../cli.js';
import { colors } from '../color.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadManifest } from '../manifest/index.js';
import { tfModuleDir } from '../paths.js';
import { formatText } from '../report/text.js';
import { loadStackInput, type LoadedStackInput, type StackBackend } from '../stack-input/index.js';
import { stableJson, tableName as tableName_, toTfvars } from '../tfvars/index.js';
import { TABLE_ADDRESS, withAdoption } from '../tofu/adopt.js';
import { clearCreateIntent, CREATE_INTENT_FILE, pendingCreate, recordCreateIntent } from '../tofu/create-intent.js';
import { backupHoldsTable, createsExistingTable, unknownLiveTableMessage } from '../tofu/live-table.js';
import { autoscaledPaths, withoutOwnedDrift, withoutSubstitutions } from '../plan/substitutions.js';
import { askApproval } from '../tofu/approve.js';
import { chooseBinary, describeBinary, probeBinary, type TofuBinary } from '../tofu/binary.js';
import { buildChildEnv, type AwsSettings } from '../tofu/env.js';
import { initFingerprint, initReason, recordInit } from '../tofu/fingerprint.js';
import { guardPlan, lossMessage, type TableLoss } from '../tofu/guard.js';
import { formatSummary, summaryJson } from '../plan/explain.js';
import type { PlanAnalysis } from '../plan/analyse.js';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { createMasker, maskWriters, type Mask } from '../tofu/mask.js';
import { formatOutputs, outputValues } from '../tofu/outputs.js';
import { discardPlan, PLAN_FILE, planInputsHash, reusablePlan, savePlanMeta, type PlanMeta } from '../tofu/plan-file.js';
import { conditionalImport, moduleOutputNames, renderRootModule, type BackendSpec } from '../tofu/root-module.js';
import { runTofu, type RunContext, type RunResult } from '../tofu/run.js';
import { claimWorkDir, defaultWorkDir, earlierTablesOf, writeRootModule } from '../tofu/workdir.js';
import type { AwsDynamodb } from '../generated/manifest.js';

const DEFAULT_MANIFEST = 'hack/manifest.yaml';

/** Everything one tofu command needs once the inputs are validated. */
interface Session {
  op: TofuOp;
  opts: TofuOptions;
  io: Io;
  /** io with every write masked. */
  out: Io;
  mask: Mask;
  manifest: AwsDynamodb;
  manifestFile: string;
  at?: string;
  aws: AwsSettings;
  backend: BackendSpec;
  /** Where the work directory goes when --workdir is absent (differs for --local). */
  workDirBase?: string;
  /** tfvars that no manifest field expresses, e.g. `tags: null` (no tags at all) for DynamoDB Local. */
  tfvarsOverrides?: Record<string, unknown>;
  /** --local: manifest paths the run substitutes (already said in a warning); not manifest changes. */
  substitutedPaths?: string[];
}

export async function tofu(op: TofuOp, opts: TofuOptions, io: Io): Promise<number> {
  if (op === 'load-tfvars') {
    const { loadTfvars } = await import('./load-tfvars.js');
    return loadTfvars({ manifest: opts.manifest, set: opts.set }, io);
  }
  if (opts.adopt && op !== 'apply' && op !== 'plan') throw new UsageError(`--adopt belongs to plan and apply, not ${op}`);
  // Fail before a 10-second plan when nobody can answer the approval question.
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove && process.stdin.isTTY !== true) {
    throw new UsageError(`${op} needs approval, but stdin is not a terminal`, `Review \`planton tofu plan\`, then run \`planton tofu ${op} --auto-approve\`.`);
  }

  // 1. Stack input: its secrets are known (and masked) before anything else is printed.
  let stack: LoadedStackInput | undefined;
  if (opts.stackInput !== undefined) stack = await loadStackInput(resolve(io.cwd, opts.stackInput), opts.stackInput);
  const pc = stack?.input?.provider_config;
  const mask = createMasker([...(stack?.secrets ?? [])]);
  const out = maskWriters(io, mask);
  for (const w of stack?.warnings ?? []) out.stderr(paint(w, 'yellow', io.color) + '\n');
  if (stack && stack.result.status !== 'valid') {
    out.stderr(formatText([stack.result], { color: io.color }));
    return 1;
  }

  // 2. The manifest: --manifest, else the stack input's target, else the default file.
  const target = opts.manifest === undefined && stack?.input?.target !== undefined;
  const manifestFile = resolve(io.cwd, target ? opts.stackInput! : (opts.manifest ?? DEFAULT_MANIFEST));
  const displayFile = target ? opts.stackInput! : (opts.manifest ?? DEFAULT_MANIFEST);
  const at = target ? '/target' : undefined;
  const region = opts.local ? 'us-east-1' : (pc?.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION);
  const loaded = await loadManifest({ file: manifestFile, displayFile, sets: opts.set, at, region });
  if (loaded.result.diagnostics.length > 0) out.stderr(formatText([loaded.result], { color: io.color }));
  if (!loaded.manifest || loaded.result.status !== 'valid') return 1;
  if (region === undefined) {
    throw new UsageError('no AWS region: set provider_config.region in a stack input (--stack-input) or AWS_REGION', 'See hack/stack-input.example.yaml.');
  }

  const session: Session = {
    op,
    opts,
    io,
    out,
    mask,
    manifest: loaded.manifest,
    manifestFile,
    at,
    aws: { region, ...pick(pc) },
    backend: backendOf(stack?.input?.backend, region),
  };
  if (opts.local) return withLocal(session, (s) => drive(s));
  return drive(session);
}

function pick(pc: AwsSettings | undefined): Partial<AwsSettings> {
  if (!pc) return {};
  const { accessKeyId, secretAccessKey, sessionToken, profile, endpoint } = pc;
  return Object.fromEntries(Object.entries({ accessKeyId, secretAccessKey, sessionToken, profile, endpoint }).filter(([, v]) => v !== undefined));
}

function backendOf(b: StackBackend | undefined, providerRegion: string): BackendSpec {
  if (!b || b.type !== 's3') return { type: 'local' };
  // The bucket's region defaults to the provider's (stack-input schema); its credentials come from the same env.
  return { type: 's3', bucket: b.bucket, key: b.key, region: b.region ?? providerRegion, useLockfile: b.useLockfile, encrypt: b.encrypt, dynamodbTable: b.dynamodbTable };
}

function paint(text: string, color: 'red' | 'yellow', enabled: boolean): string {
  return colors(enabled)[color](text);
}

/** Writes the work directory, makes sure it is initialised, then runs the operation. */
async function drive(s: Session): Promise<number> {
  const { opts, io, out } = s;
  const tableName = tableName_(s.manifest);
  const workDir = opts.workdir !== undefined ? resolve(io.cwd, opts.workdir) : (s.workDirBase ? join(s.workDirBase, tableName) : defaultWorkDir(s.manifestFile, tableName));

  const binary = await probeBinary(chooseBinary({ flag: opts.binary, env: io.env, cwd: io.cwd }), io.env);
  out.stderr(describeBinary(binary) + '\n');

  // Loaded when needed: helper E's module; load-tfvars and validation never pay for it.
  const { renderProvider } = await import('../tofu/provider.js');
  const tfvars = { ...(toTfvars(s.manifest) as unknown as Record<string, unknown>), ...s.tfvarsOverrides };
  const rendered = renderRootModule({
    moduleDir: tfModuleDir,
    variableNames: Object.keys(tfvars),
    outputNames: moduleOutputNames(tfModuleDir),
    provider: renderProvider({ region: s.aws.region, endpoint: s.aws.endpoint }),
    backend: s.backend,
  });
  // apply --adopt: an import {} block takes an existing table of this name into state (adopt.ts).
  // After an interrupted create of this table: the same, but only if the table exists (create-intent.ts).
  const recovering = !opts.adopt && (s.op === 'plan' || s.op === 'apply') && pendingCreate(workDir, tableName);
  const adopted = opts.adopt ? withAdoption(rendered, tableName) : recovering ? { ...rendered, import: conditionalImport(TABLE_ADDRESS) } : rendered;
  const root = adopted as { terraform: { required_providers: unknown; backend: unknown } };
  if (recovering) {
    out.stderr(
      `planton: an earlier apply was interrupted while creating table '${tableName}' (${join(workDir, CREATE_INTENT_FILE)}); ` +
        'if the table exists, this run takes it into state instead of creating it again\n',
    );
  }
  claimWorkDir(workDir, { file: s.manifestFile, at: s.at });
  writeRootModule(workDir, root, tfvars, stableJson);
  if (opts.workdir === undefined && (s.op === 'plan' || s.op === 'apply')) {
    for (const old of earlierTablesOf(workDir, { file: s.manifestFile, at: s.at })) {
      out.stderr(
        paint(
          `planton: warning: this manifest also manages ${old} (an earlier table name, still in its state). A rename creates a new table beside the old one, which keeps its items; ` +
            `delete it with \`planton tofu destroy --workdir ${old}\` (same manifest and stack input) once its data is moved.`,
          'yellow',
          io.color,
        ) + '\n',
      );
    }
  }

  const env = buildChildEnv(io.env, s.aws);
  const ctx: RunContext = { binary: binary.path, cwd: workDir, env, mask: s.mask, stdout: out.stdout, stderr: out.stderr };
  // With --json, stdout carries one JSON document: tofu's own text goes to stderr.
  const human: RunContext = opts.json ? { ...ctx, stdout: out.stderr } : ctx;
  const noColor = !opts.color || !io.color ? ['-no-color'] : [];
  const pluginDir = opts.pluginDir ?? (io.env.PLANTON_PLUGIN_DIR || undefined);

  const fingerprint = initFingerprint({
    moduleDir: tfModuleDir,
    requiredProviders: root.terraform.required_providers,
    backend: root.terraform.backend,
    binary: { path: binary.path, version: binary.version },
    pluginDir: pluginDir ? resolve(io.cwd, pluginDir) : undefined,
  });
  const reason = initReason(workDir, fingerprint);
  if (reason === undefined) {
    if (s.op === 'init') out.stderr(`planton: init not needed: nothing it depends on changed (${workDir}; delete its .terraform/ to force)\n`);
  } else {
    out.stderr(`planton: init in ${workDir}: ${reason}\n`);
    const args = ['init', '-input=false', ...noColor, ...(pluginDir ? [`-plugin-dir=${resolve(io.cwd, pluginDir)}`] : [])];
    const r = await runTofu(human, args);
    if (r.exitCode !== 0) return r.exitCode;
    recordInit(workDir, fingerprint);
  }

  const run: Runner = { s, ctx, human, noColor, workDir, binary, tableName };
  switch (s.op) {
    case 'init':
      return 0;
    case 'plan':
      return plan(run);
    case 'apply':
      return apply(run);
    case 'destroy':
      return destroy(run);
    case 'refresh':
      return (await runTofu(human, ['refresh', '-input=false', ...noColor])).exitCode;
    case 'output':
      return output(run);
    default:
      throw new UsageError(`unknown tofu operation ${s.op}`);
  }
}

interface Runner {
  s: Session;
  ctx: RunContext;
  human: RunContext;
  noColor: string[];
  workDir: string;
  binary: TofuBinary;
  tableName: string;
}

/** Saved plans are reused only with local state: a remote state can change without planton seeing it. */
function inputsHash(r: Runner): string | undefined {
  if (r.s.backend.type !== 'local') return undefined;
  const identity = JSON.stringify([r.s.aws.region, r.s.aws.endpoint ?? '', r.s.aws.accessKeyId ?? '', r.s.aws.profile ?? '']);
  return planInputsHash(r.workDir, { binary: `${r.binary.path}@${r.binary.version}`, identity });
}

/** plan -out, then (only when something changes) show -json for the guard. */
async function planToFile(r: Runner): Promise<{ result: RunResult; meta?: PlanMeta }> {
  const inputs = inputsHash(r);
  discardPlan(r.workDir);
  const result = await runTofu(r.human, ['plan', '-input=false', `-out=${PLAN_FILE}`, '-detailed-exitcode', ...r.noColor]);
  if (result.interrupted || (result.exitCode !== 0 && result.exitCode !== 2)) return { result };
  let losses: TableLoss[] = [];
  let analysis: PlanAnalysis | undefined;
  let liveTableUnknown = false;
  if (result.exitCode === 2) {
    const shown = await runTofu(r.ctx, ['show', '-json', '-no-color', PLAN_FILE], { capture: true });
    if (shown.interrupted || shown.exitCode !== 0) return { result: shown };
    const planJson = JSON.parse(shown.stdout) as TerraformPlanJson;
    const verdict = guardPlan(planJson, tableNamePath(r.s.manifest));
    losses = verdict.losses;
    // --local: what the run substitutes for DynamoDB Local was said once as a warning; it is no manifest change.
    analysis = withoutSubstitutions(verdict.analysis, r.s.substitutedPaths ?? []);
    // Autoscaled capacities move all day: Application Auto Scaling's doing, not drift from the manifest.
    analysis = withoutOwnedDrift(analysis, autoscaledPaths(r.s.manifest.spec));
    liveTableUnknown = createsExistingTable(planJson, TABLE_ADDRESS, r.tableName);
    // After tofu's own plan output: the same changes in manifest terms (helper F's summary).
    r.human.stdout(formatSummary(analysis, { color: r.s.io.color && r.s.opts.color }));
  }
  // An output-only difference (terraform's exit 2 with no resource change) is not drift: the exit code
  // follows the summary in manifest terms. Applying it still refreshes the outputs in the state.
  const changes = result.exitCode === 2 && (analysis?.pending ?? true);
  const outputsOnly = result.exitCode === 2 && !changes;
  const meta: PlanMeta = { inputs: inputs ?? '', losses, changes, outputsOnly, liveTableUnknown, analysis };
  if (inputs !== undefined) savePlanMeta(r.workDir, meta);
  return { result, meta };
}

function liveTableMessage(r: Runner): string {
  const backup = r.s.backend.type === 'local' && backupHoldsTable(r.workDir, r.tableName);
  return unknownLiveTableMessage(r.tableName, r.workDir, backup);
}

const NO_CHANGES: PlanAnalysis = { changes: [], drift: [], imports: [], replacesTable: false, deletesTable: false, pending: false };

function tableNamePath(m: AwsDynamodb): 'spec.tableName' | 'metadata.name' {
  return m.spec.tableName !== undefined ? 'spec.tableName' : 'metadata.name';
}

async function plan(r: Runner): Promise<number> {
  const { result, meta } = await planToFile(r);
  if (!meta) return result.exitCode;
  const { out, io, opts } = r.s;
  if (meta.losses.length > 0) out.stderr(paint(lossMessage(meta.losses, r.tableName).replace('apply stopped: ', 'warning: '), 'yellow', io.color));
  if (meta.liveTableUnknown) out.stderr(paint(liveTableMessage(r), 'yellow', io.color));
  if (opts.json) out.stdout(JSON.stringify(summaryJson(meta.analysis ?? NO_CHANGES), null, 2) + '\n');
  if (opts.detailedExitcode) return meta.changes ? 2 : 0;
  return 0;
}

async function apply(r: Runner): Promise<number> {
  const { out, io, opts } = r.s;
  const inputs = inputsHash(r);
  let meta = inputs !== undefined ? reusablePlan(r.workDir, inputs) : undefined;
  if (meta) {
    out.stderr(`planton: applying the saved plan ${join(r.workDir, PLAN_FILE)} (made by \`planton tofu plan\` from the same inputs)\n`);
  } else {
    const planned = await planToFile(r);
    if (!planned.meta) return planned.result.exitCode;
    meta = planned.meta;
  }
  const summary = summaryJson(meta.analysis ?? NO_CHANGES);
  if (!meta.changes) {
    // Only outputs differ: apply them silently, so `output` and the state are current.
    if (meta.outputsOnly) {
      const refreshed = await runTofu(r.ctx, ['apply', '-input=false', '-no-color', PLAN_FILE], { capture: true });
      if (refreshed.exitCode !== 0) return refreshed.exitCode;
    }
    discardPlan(r.workDir);
    clearCreateIntent(r.workDir);
    out.stderr('planton: no changes; nothing to apply\n');
    return output(r, summary);
  }
  if (meta.liveTableUnknown) {
    discardPlan(r.workDir);
    out.stderr(paint(liveTableMessage(r).replace('planton: ', 'planton: apply stopped: '), 'red', io.color));
    return 1;
  }
  if (meta.losses.length > 0) {
    if (!opts.allowReplace) {
      out.stderr(paint(lossMessage(meta.losses, r.tableName), 'red', io.color));
      return 1;
    }
    out.stderr(paint(lossMessage(meta.losses, r.tableName).replace('apply stopped', 'warning (--allow-replace)'), 'yellow', io.color));
  }
  if (!opts.autoApprove && !(await askApproval(`Apply these changes to table '${r.tableName}'?`, out.stderr, 'apply'))) {
    out.stderr('planton: apply cancelled\n');
    return 1;
  }
  // Interrupted after AWS accepted CreateTable, the table exists outside the state: the marker lets
  // the next run take it into state by itself.
  if ((meta.analysis?.changes ?? []).some((c) => c.address === TABLE_ADDRESS && c.action === 'create')) recordCreateIntent(r.workDir, r.tableName);
  const applied = await runTofu(r.human, ['apply', '-input=false', ...r.noColor, PLAN_FILE]);
  discardPlan(r.workDir);
  if (applied.exitCode !== 0) return applied.exitCode;
  clearCreateIntent(r.workDir);
  return output(r, summary);
}

async function destroy(r: Runner): Promise<number> {
  const { out, opts } = r.s;
  discardPlan(r.workDir);
  if (opts.autoApprove) return (await runTofu(r.human, ['destroy', '-input=false', '-auto-approve', ...r.noColor])).exitCode;
  // Show what goes, ask, then apply exactly that destroy plan.
  const planned = await runTofu(r.human, ['plan', '-destroy', '-input=false', `-out=${PLAN_FILE}`, ...r.noColor]);
  if (planned.exitCode !== 0) return planned.exitCode;
  if (!(await askApproval(`Destroy table '${r.tableName}' and every item in it?`, out.stderr, 'destroy'))) {
    discardPlan(r.workDir);
    out.stderr('planton: destroy cancelled\n');
    return 1;
  }
  const applied = await runTofu(r.human, ['apply', '-input=false', ...r.noColor, PLAN_FILE]);
  discardPlan(r.workDir);
  return applied.exitCode;
}

/** Prints the outputs; after apply with --json they join the plan summary in one document. */
async function output(r: Runner, applied?: object): Promise<number> {
  const shown = await runTofu(r.ctx, ['output', '-json', '-no-color'], { capture: true });
  if (shown.exitCode !== 0) return shown.exitCode;
  const values = outputValues(shown.stdout);
  const { out, opts } = r.s;
  if (opts.json) out.stdout(JSON.stringify(applied ? { ...applied, outputs: values } : values, null, 2) + '\n');
  else out.stdout(formatOutputs(values));
  return 0;
}


/**
 * The --local hook (design §4): DynamoDB Local on a free loopback port with its data under
 * <manifest dir>/.planton/local-dynamodb/, dummy credentials, us-east-1, the manifest adjusted for what
 * DynamoDB Local lacks (one warning each), and the server stopped whatever happens. The work directory
 * lives beside the data (…/local-dynamodb/tofu/<table>/) so local state never mixes with real AWS state.
 */
async function withLocal(s: Session, fn: (s: Session) => Promise<number>): Promise<number> {
  const { startDynamoDbLocal } = await import('../local/server.js');
  const { adjustForLocal } = await import('../local/adjust.js');
  const dataDir = join(dirname(s.manifestFile), '.planton', 'local-dynamodb');
  const adjusted = adjustForLocal(s.manifest);
  for (const w of adjusted.warnings) s.out.stderr(paint(w.startsWith('planton:') ? w : `planton: warning: ${w}`, 'yellow', s.io.color) + '\n');
  const server = await startDynamoDbLocal({ dataDir, env: s.io.env });
  s.out.stderr(`planton: DynamoDB Local at ${server.endpoint} (data in ${dataDir})\n`);
  try {
    return await fn({
      ...s,
      manifest: adjusted.manifest,
      // DynamoDB Local accepts any letters-and-digits keys; these are not secrets.
      aws: { region: 'us-east-1', accessKeyId: 'local', secretAccessKey: 'local', endpoint: server.endpoint },
      backend: { type: 'local' },
      workDirBase: join(dataDir, 'tofu'),
      // DynamoDB Local neither returns nor updates tags: the module then sends none (not even Name).
      tfvarsOverrides: { tags: null, ...(adjusted as { tfvars?: Record<string, unknown> }).tfvars },
      substitutedPaths: adjusted.substitutedPaths,
    });
  } finally {
    await server.stop();
  }
}
