// `planton tofu init|plan|apply|destroy|refresh|output` (docs/contract.md, cli): validate the
// manifest, write the work directory, then drive tofu/terraform with credentials only in its environment.
import { dirname, join, resolve } from 'node:path';
import type { TofuOp, TofuOptions } from './tofu-options.js';
import { colors } from '../color.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadManifest } from '../manifest/index.js';
import { checkSourceOptions, resolveManifestSource, type ManifestSource } from '../source/index.js';
import { tfModuleDir } from '../paths.js';
import { formatText } from '../report/text.js';
import { loadStackInput, type LoadedStackInput, type StackBackend } from '../stack-input/index.js';
import { stableJson, tableName as tableName_, toTfvars } from '../tfvars/index.js';
import { TABLE_ADDRESS, withAdoption } from '../workspace/adopt.js';
import { clearCreateIntent, CREATE_INTENT_FILE, pendingCreate, recordCreateIntent } from '../workspace/create-intent.js';
import { backupHoldsTable, createsExistingTable, unknownLiveTableMessage } from '../workspace/live-table.js';
import { autoscaledPaths, withoutOwnedDrift, withoutSubstitutions } from '../plan/substitutions.js';
import { approvalNeeded, askApproval } from '../tofu/approve.js';
import { chooseBinary, describeBinary, probeBinary, type TofuBinary } from '../tofu/binary.js';
import { buildChildEnv, type AwsSettings } from '../tofu/env.js';
import { initFingerprint, initReason, recordInit } from '../workspace/fingerprint.js';
import { guardPlan, lossMessage, type TableLoss } from '../tofu/guard.js';
import { formatSummary, summaryJson } from '../plan/explain.js';
import type { PlanAnalysis } from '../plan/analyse.js';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { createMasker, maskWriters, type Mask } from '../tofu/mask.js';
import { formatOutputs, NO_OUTPUTS, OUTPUTS_HEADER, outputValues, withoutOutputsBlock } from '../tofu/outputs.js';
import { stackInputProblem } from '../not-found.js';
import { statusLine, type Status } from '../status.js';
import { discardPlan, PLAN_FILE, planInputsHash, reusablePlan, savePlanMeta, type PlanMeta } from '../workspace/plan-file.js';
import { conditionalImport, moduleOutputNames, renderRootModule, type BackendSpec } from '../workspace/root-module.js';
import { backendInitArgs } from '../workspace/backend-change.js';
import { runTofu, type RunContext, type RunResult } from '../tofu/run.js';
import { shellQuote } from '../shell-quote.js';
import { claimWorkDir, defaultWorkDir, earlierTablesOf, LOCAL_DATA_DIR_NAME, writeRootModule } from '../workspace/workdir.js';
import type { AwsDynamodb } from '../generated/manifest.js';

/** Everything one tofu command needs once the inputs are validated. */
interface Session {
  op: TofuOp;
  opts: TofuOptions;
  io: Io;
  /** io with every write masked (and erasing the status line first). */
  out: Io;
  status: Status;
  mask: Mask;
  manifest: AwsDynamodb;
  manifestFile: string;
  at?: string;
  aws: AwsSettings;
  backend: BackendSpec;
  /** Where the work directory goes when --workdir is absent (differs for --local). */
  workDirBase?: string;
  /** --module-dir, checked; else the bundled module. */
  moduleDir?: string;
  /** tfvars that no manifest field expresses, e.g. `tags: null` (no tags at all) for DynamoDB Local. */
  tfvarsOverrides?: Record<string, unknown>;
  /** --local: manifest paths the run substitutes (already said in a warning); not manifest changes. */
  substitutedPaths?: string[];
}

export async function tofu(op: TofuOp, opts: TofuOptions, io: Io): Promise<number> {
  if (opts.adopt && op !== 'apply' && op !== 'plan') throw new UsageError(`--adopt belongs to plan and apply, not ${op}`);
  if (opts.destroy && opts.adopt) throw new UsageError('plan --destroy and --adopt contradict each other; give one');
  checkSourceOptions(opts);
  // Fail before a 10-second plan when nobody can answer the approval question.
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove && !io.stdin.isTTY) {
    throw approvalNeeded(op, opts.invocation);
  }
  const status = statusLine(io.interactive === true, io.stderr);
  try {
    return await tofuWith(op, opts, io, status);
  } finally {
    status.clear();
  }
}

async function tofuWith(op: TofuOp, opts: TofuOptions, io: Io, status: Status): Promise<number> {
  // Missing inputs get planton's sentence (and what to do) before anything runs.
  if (opts.stackInput !== undefined) {
    const problem = stackInputProblem(io.cwd, opts.stackInput);
    if (problem) throw problem;
  }

  // 1. Stack input: its secrets are known (and masked) before anything else is printed.
  let stack: LoadedStackInput | undefined;
  if (opts.stackInput !== undefined) stack = await loadStackInput(resolve(io.cwd, opts.stackInput), opts.stackInput);
  const pc = stack?.input?.provider_config;
  const mask = createMasker([...(stack?.secrets ?? [])]);
  const out = status.wrap(maskWriters(io, mask));
  for (const w of stack?.warnings ?? []) out.stderr(paint(w, 'yellow', io.color) + '\n');
  if (stack && stack.result.status !== 'valid') {
    out.stderr(formatText([stack.result], { color: io.color }));
    return 1;
  }

  // 2. The manifest: --manifest (file or URL) or an overlay, else the stack input's target, else the default file.
  const target = opts.manifest === undefined && opts.kustomizeDir === undefined && stack?.input?.target !== undefined;
  const source: ManifestSource = target ? { file: resolve(io.cwd, opts.stackInput!), displayFile: opts.stackInput! } : await resolveManifestSource(opts, io);
  if (source.origin) out.stderr(source.origin + '\n');
  const { file: manifestFile, displayFile } = source;
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
    status,
    mask,
    manifest: loaded.manifest,
    manifestFile,
    at,
    aws: { region, ...pick(pc) },
    backend: backendOf(stack?.input?.backend, region),
    workDirBase: source.workDirBase,
  };
  // Before DynamoDB Local or terraform starts: a copy that lacks a variable fails here, naming it.
  if (opts.moduleDir !== undefined) session.moduleDir = await localModule(opts.moduleDir, Object.keys(toTfvars(session.manifest)), session);
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
  return { ...b, region: b.region ?? providerRegion };
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

  // Loaded when needed: the root module writer; load-tfvars and validation never pay for it.
  const { renderProvider } = await import('../workspace/provider.js');
  const tfvars = { ...(toTfvars(s.manifest) as unknown as Record<string, unknown>), ...s.tfvarsOverrides };
  const moduleDir = s.moduleDir ?? tfModuleDir;
  const rendered = renderRootModule({
    moduleDir,
    variableNames: Object.keys(tfvars),
    outputNames: moduleOutputNames(moduleDir),
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
            `delete it with \`planton tofu destroy --workdir ${shellQuote(old)}\` (same manifest and stack input) once its data is moved.`,
          'yellow',
          io.color,
        ) + '\n',
      );
    }
  }

  const env = buildChildEnv(io.env, s.aws);
  const ctx: RunContext = { binary: binary.path, cwd: workDir, env, mask: s.mask, stdout: out.stdout, stderr: out.stderr, status: s.status.show };
  // With --json, stdout carries one JSON document: tofu's own text goes to stderr.
  const human: RunContext = opts.json ? { ...ctx, stdout: out.stderr } : ctx;
  const noColor = !opts.color || !io.color ? ['-no-color'] : [];
  const pluginDir = opts.pluginDir ?? (io.env.PLANTON_PLUGIN_DIR || undefined);

  const fingerprint = initFingerprint({
    moduleDir,
    requiredProviders: root.terraform.required_providers,
    backend: root.terraform.backend,
    binary: { path: binary.path, version: binary.version },
    pluginDir: pluginDir ? resolve(io.cwd, pluginDir) : undefined,
  });
  const reason = initReason(workDir, fingerprint);
  if (reason === undefined) {
    if (s.op === 'init') out.stderr(`planton: init not needed: nothing it depends on changed (${workDir}; delete its .terraform/ to force)\n`);
  } else {
    const backendInit = backendInitArgs(workDir, root.terraform.backend as Record<string, object>, opts.migrateState);
    out.stderr(`planton: init in ${workDir}: ${reason}\n`);
    if (backendInit.note) out.stderr(backendInit.note + '\n');
    const args = ['init', '-input=false', ...backendInit.args, ...noColor, ...(pluginDir ? [`-plugin-dir=${resolve(io.cwd, pluginDir)}`] : [])];
    const r = await runTofu(human, args);
    if (r.exitCode !== 0) return r.exitCode;
    const retired = backendInit.afterInit?.();
    if (retired) out.stderr(retired + '\n');
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

/** --module-dir: checked before terraform runs; its files are in the init fingerprint like the bundled ones. */
async function localModule(given: string, variables: string[], s: Session): Promise<string> {
  const { checkModuleDir } = await import('../workspace/module-dir.js');
  const dir = checkModuleDir(resolve(s.io.cwd, given), given, variables);
  s.out.stderr(`planton: module from ${dir} (--module-dir), not the bundled one\n`);
  return dir;
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

/** plan -out (a destroy plan with `destroy`), then (only when something changes) show -json for the guard. */
async function planToFile(r: Runner, destroy = false): Promise<{ result: RunResult; meta?: PlanMeta }> {
  const inputs = inputsHash(r);
  discardPlan(r.workDir);
  const result = await runTofu(r.human, ['plan', ...(destroy ? ['-destroy'] : []), '-input=false', `-out=${PLAN_FILE}`, '-detailed-exitcode', ...r.noColor]);
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
    // After tofu's own plan output: the same changes in manifest terms (src/plan/explain.ts).
    r.human.stdout(formatSummary(analysis, { color: r.s.io.color && r.s.opts.color }));
  }
  // An output-only difference (terraform's exit 2 with no resource change) is not drift: the exit code
  // follows the summary in manifest terms. Applying it still refreshes the outputs in the state.
  const changes = result.exitCode === 2 && (analysis?.pending ?? true);
  const outputsOnly = result.exitCode === 2 && !changes;
  const meta: PlanMeta = { inputs: inputs ?? '', losses, changes, outputsOnly, liveTableUnknown, analysis, ...(destroy ? { destroy } : {}) };
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
  const { out, io, opts } = r.s;
  const { result, meta } = await planToFile(r, opts.destroy);
  if (!meta) return result.exitCode;
  if (opts.destroy) {
    // Deleting the table is what was asked for: say where the plan is instead of warning about it.
    if (meta.changes && meta.inputs !== '') out.stderr(`planton: destroy plan saved in ${join(r.workDir, PLAN_FILE)}; \`planton destroy\` with the same inputs applies exactly this plan\n`);
    else if (meta.changes) out.stderr('planton: the state is remote, where it can change unseen: `planton destroy` will plan again rather than apply this plan\n');
  } else if (meta.losses.length > 0) out.stderr(paint(lossMessage(meta.losses, r.tableName).replace('apply stopped: ', 'warning: '), 'yellow', io.color));
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
  if (!opts.autoApprove && !(await askApproval(`Apply these changes to table '${r.tableName}'?`, out, 'apply', opts.invocation))) {
    out.stderr('planton: apply cancelled\n');
    return 1;
  }
  // Interrupted after AWS accepted CreateTable, the table exists outside the state: the marker lets
  // the next run take it into state by itself.
  if ((meta.analysis?.changes ?? []).some((c) => c.address === TABLE_ADDRESS && c.action === 'create')) recordCreateIntent(r.workDir, r.tableName);
  // tofu's own `Outputs:` block is dropped: planton prints the outputs once, below.
  const applied = await runTofu({ ...r.human, stdout: withoutOutputsBlock(r.human.stdout) }, ['apply', '-input=false', ...r.noColor, PLAN_FILE]);
  discardPlan(r.workDir);
  if (applied.exitCode !== 0) return applied.exitCode;
  clearCreateIntent(r.workDir);
  return output(r, summary);
}

async function destroy(r: Runner): Promise<number> {
  const { out, opts } = r.s;
  const inputs = inputsHash(r);
  const saved = inputs !== undefined ? reusablePlan(r.workDir, inputs, { destroy: true }) : undefined;
  if (saved) {
    out.stderr(`planton: applying the saved destroy plan ${join(r.workDir, PLAN_FILE)} (made by \`planton plan --destroy\` from the same inputs)\n`);
    return approveAndApplyDestroy(r);
  }
  discardPlan(r.workDir);
  // Whether tofu found anything to destroy, read from its own summary line.
  const watched = watchDestroySummary(r.human);
  if (opts.autoApprove) return reportDestroy(r, (await runTofu(watched.ctx, ['destroy', '-input=false', '-auto-approve', ...r.noColor])).exitCode, watched.nothing());
  // Show what goes, ask, then apply exactly that destroy plan.
  const planned = await runTofu(r.human, ['plan', '-destroy', '-input=false', `-out=${PLAN_FILE}`, ...r.noColor]);
  if (planned.exitCode !== 0) return planned.exitCode;
  return approveAndApplyDestroy(r);
}

/** Asks (unless --auto-approve), then applies the destroy plan in PLAN_FILE once. */
async function approveAndApplyDestroy(r: Runner): Promise<number> {
  const { out, opts } = r.s;
  if (!opts.autoApprove && !(await askApproval(`Destroy table '${r.tableName}' and every item in it?`, out, 'destroy', opts.invocation))) {
    discardPlan(r.workDir);
    out.stderr('planton: destroy cancelled\n');
    return 1;
  }
  const watched = watchDestroySummary(r.human);
  const code = (await runTofu(watched.ctx, ['apply', '-input=false', ...r.noColor, PLAN_FILE])).exitCode;
  discardPlan(r.workDir);
  return reportDestroy(r, code, watched.nothing());
}

/** A run context that notices tofu's "0 destroyed" summary, so planton can say there was nothing. */
function watchDestroySummary(human: RunContext): { ctx: RunContext; nothing: () => boolean } {
  let nothing = false;
  const ctx: RunContext = {
    ...human,
    stdout: (t) => {
      if (/Resources: (0 added, 0 changed, )?0 destroyed\./.test(t.replace(/\x1b\[[0-9;]*m/g, ''))) nothing = true;
      human.stdout(t);
    },
  };
  return { ctx, nothing: () => nothing };
}

/** tofu ends a saved destroy plan with "Apply complete!": say in planton's words what happened. */
function reportDestroy(r: Runner, code: number, nothing: boolean): number {
  if (code === 0 && nothing) r.s.out.stderr(`planton: nothing to destroy: the state in ${r.workDir} holds no table\n`);
  else if (code === 0) r.s.out.stderr(`planton: table '${r.tableName}' destroyed (its state file stays in ${r.workDir})\n`);
  return code;
}

/** Prints the outputs; after apply with --json they join the plan summary in one document. */
async function output(r: Runner, applied?: object): Promise<number> {
  const shown = await runTofu(r.ctx, ['output', '-json', '-no-color'], { capture: true });
  if (shown.exitCode !== 0) return shown.exitCode;
  const values = outputValues(shown.stdout);
  const { out, opts } = r.s;
  if (opts.json) out.stdout(JSON.stringify(applied ? { ...applied, outputs: values } : values, null, 2) + '\n');
  else if (Object.keys(values).length === 0) out.stderr(NO_OUTPUTS);
  else {
    out.stderr(OUTPUTS_HEADER);
    out.stdout(formatOutputs(values));
  }
  return 0;
}


/**
 * The --local hook (docs/contract.md, cli): DynamoDB Local on a free loopback port with its data under
 * <manifest dir>/.planton/local-dynamodb/, dummy credentials, us-east-1, the manifest adjusted for what
 * DynamoDB Local lacks (one warning each), and the server stopped whatever happens. The work directory
 * lives beside the data (…/local-dynamodb/tofu/<table>/) so local state never mixes with real AWS state.
 */
async function withLocal(s: Session, fn: (s: Session) => Promise<number>): Promise<number> {
  const { startDynamoDbLocal } = await import('../local/server.js');
  const { adjustForLocal } = await import('../local/adjust.js');
  const dataDir = join(dirname(s.manifestFile), '.planton', LOCAL_DATA_DIR_NAME);
  const adjusted = adjustForLocal(s.manifest);
  // The warnings say what this run leaves out of the table; only plan and apply build one.
  if (s.op === 'plan' || s.op === 'apply') {
    for (const w of adjusted.warnings) s.out.stderr(paint(w.startsWith('planton:') ? w : `planton: warning: ${w}`, 'yellow', s.io.color) + '\n');
  }
  s.status.show('planton: starting DynamoDB Local …');
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
