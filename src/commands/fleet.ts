// `planton plan|apply|destroy|refresh FILE|DIR|GLOB ...`: every manifest its own run (its own work
// directory and state), a few at a time, each run's tofu output kept apart, one progress line per
// manifest, one report and one exit code at the end (docs/fleets.md). Under --local one DynamoDB Local
// serves the whole run. A failing manifest never stops the others unless --fail-fast; Ctrl-C lets the
// running tofu commands stop cleanly and starts nothing new.
import { constants } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { TofuOp, TofuOptions } from './options.js';
import { PlantonError, UsageError } from '../errors.js';
import { expandPaths } from '../files/paths-expand.js';
import { fleetExitCode, isFailing, isPending } from '../fleet/exit-code.js';
import { planEverything, type Preflight } from '../fleet/preflight.js';
import { progressLines, type Progress } from '../fleet/progress.js';
import { defaultParallelism, runQueue, Stop } from '../fleet/queue.js';
import { secondsText, verdictText, type FleetRun } from '../fleet/report/verdict.js';
import type { FleetOp, ManifestResult } from '../fleet/result.js';
import type { Io } from '../io.js';
import { forwardSignals, type EndingSignal } from '../process/signals.js';
import { isUrl } from '../source/index.js';
import { localDataDir, withDynamoDbLocal, type RunningLocal } from '../session/local.js';
import { commandLine } from '../terminal/shell-quote.js';
import { askApproval } from './approve.js';
import { printReport } from './fleet-report.js';
import { checkFlagCombinations, runManifest, type Phase } from './tofu-run.js';

export interface FleetDeps {
  preflight: Preflight<TofuOptions>;
}

/** What `planton plan DIR` uses; the one-run live read of every table (a Preflight) plugs in here. */
export const FLEET_DEPS: FleetDeps = {
  // One terraform run reads every live table; a manifest unchanged since its last apply whose table
  // matches gets no plan of its own (live/preflight.ts). It never throws: unsure means plan.
  preflight: async (files, opts, io) => (await import('../live/preflight.js')).preflightPlans(files, opts, io),
};

export async function fleet(op: TofuOp, opts: TofuOptions, io: Io, deps: FleetDeps = FLEET_DEPS): Promise<number> {
  const files = fleetFiles(op, opts, io);
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove) return approveThenRun(op, opts, io, deps, files);
  const run = await execute(op, opts, io, deps, files);
  await printReport(run, opts, io);
  return run.exitCode;
}

/**
 * At a terminal without --auto-approve: the whole fleet's plan first, one question, then each manifest
 * with changes applies exactly the plan shown (its saved plan; a manifest whose saved plan no longer
 * fits its inputs is refused rather than planned again unseen).
 */
async function approveThenRun(op: 'apply' | 'destroy', opts: TofuOptions, io: Io, deps: FleetDeps, files: string[]): Promise<number> {
  await refuseRemoteState(op, opts, io);
  const review = await execute('plan', { ...opts, destroy: op === 'destroy', detailedExitcode: true }, io, deps, files);
  const { formatFleetText } = await import('../fleet/report/text.js');
  io.stderr(formatFleetText(review, { color: io.color, logs: opts.log }));
  if (review.exitCode !== 0 && review.exitCode !== 2) {
    io.stderr(`planton: ${op} stopped: the plan above has manifests to fix first; nothing was ${op === 'apply' ? 'applied' : 'destroyed'}\n`);
    return review.exitCode;
  }
  const pending = review.results.filter((r) => isPending(r.verdict));
  if (pending.length === 0) {
    io.stderr(`planton: no changes; nothing to ${op}\n`);
    return 0;
  }
  const tables = `${pending.length === 1 ? 'table' : `${pending.length} tables`} ${pending.map((r) => r.table ?? r.file).join(', ')}`;
  const question = op === 'destroy' ? `Destroy ${tables} and every item in them?` : `Apply these changes to ${tables}?`;
  if (!(await askApproval(question, io, op, opts.invocation))) {
    io.stderr(`planton: ${op} cancelled\n`);
    return 1;
  }
  const run = await execute(op, { ...opts, autoApprove: true }, io, deps, pending.map((r) => r.file), true);
  await printReport(run, opts, io);
  return run.exitCode;
}

/** With a remote backend an apply plans again (the state may have moved): one approval could not hold. */
async function refuseRemoteState(op: string, opts: TofuOptions, io: Io): Promise<void> {
  if (opts.stackInput === undefined || opts.local) return;
  const { loadStackInput } = await import('../stack-input/index.js');
  const stack = await loadStackInput(resolve(io.cwd, opts.stackInput), opts.stackInput);
  const type = stack.input?.backend?.type;
  if (type !== undefined && type !== 'local') {
    throw new UsageError(`${op} of many manifests with a ${type} backend needs --auto-approve`, `The state is remote, so each ${op} plans again; review with \`planton plan\` of the same manifests, then run ${op} with --auto-approve.`);
  }
}

/** Runs the fleet and returns its results; printing is the caller's. */
async function execute(op: TofuOp, opts: TofuOptions, io: Io, deps: FleetDeps, files: string[], savedPlanOnly = false): Promise<FleetRun> {
  const parallelism = parallelismOf(opts.parallelism);
  const started = Date.now();
  const stop = new Stop();
  let signal: EndingSignal | undefined;
  const stopForwarding = forwardSignals((sig) => {
    if (signal) return io.stderr(`planton: ${sig} received again; still waiting for the running manifests to stop cleanly\n`);
    signal = sig;
    stop.stop(`not started: ${sig} received`);
    io.stderr(`planton: ${sig} received; the running manifests stop cleanly, the others do not start\n`);
  });
  try {
    io.stderr(`planton: ${op} of ${files.length} manifests, ${Math.min(parallelism, files.length)} at a time\n`);
    const early = op === 'plan' && !opts.destroy ? await deps.preflight(files, opts, io) : new Map<string, ManifestResult>();
    const rest = files.filter((f) => !early.has(f));
    // The progress block starts once nothing else prints to stderr (DynamoDB Local's line comes first).
    let progress: Progress | undefined;
    const runGroup = (group: string[], local?: RunningLocal) => {
      if (!progress) {
        progress = progressLines(files, io.interactive === true, io.stderr);
        for (const [i, f] of files.entries()) {
          const r = early.get(f);
          if (r) progress.update(i, finalState(r));
        }
      }
      return runFleet(op, opts, io, { files: group, all: files, parallelism, stop, progress, local, signal: () => signal, savedPlanOnly });
    };
    const planned = new Map<string, ManifestResult>();
    const keep = (group: string[], results: ManifestResult[]) => group.forEach((f, i) => planned.set(f, results[i]!));
    if (rest.length > 0 && opts.local && !signal) {
      // Each manifest keeps the DynamoDB Local data a single run of it uses (beside it): one server per
      // data directory, usually one for the whole fleet.
      for (const [dataDir, group] of byDataDir(rest, io.cwd)) {
        if (signal) keep(group, await runGroup(group));
        else keep(group, await withDynamoDbLocal(dataDir, io, io, (endpoint) => runGroup(group, { endpoint, dataDir })));
      }
    } else keep(rest, await runGroup(rest));
    const results = files.map((f) => early.get(f) ?? planned.get(f)!);
    const exitCode = signal ? 128 + constants.signals[signal] : fleetExitCode(results, opts.detailedExitcode);
    return { op: op as FleetOp, results, seconds: (Date.now() - started) / 1000, exitCode };
  } finally {
    stopForwarding();
  }
}

/** The manifests of the run, as the user will read them; mistakes in how the fleet was asked for are usage errors. */
function fleetFiles(op: TofuOp, opts: TofuOptions, io: Io): string[] {
  if (opts.kustomizeDir !== undefined || opts.overlay !== undefined) throw new UsageError('--kustomize-dir builds one manifest; give no other manifest with it');
  if (opts.workdir !== undefined) throw new UsageError('--workdir names one work directory; a fleet gives each manifest its own (<manifest dir>/.planton/<table>)');
  checkFlagCombinations(op, opts);
  const special = (p: string) => isUrl(p) || p === '-';
  const given = opts.manifests;
  if (given.filter((p) => p === '-').length > 1) throw new UsageError('- (stdin) can give one manifest only');
  const { files, unmatched } = expandPaths(io.cwd, given.filter((p) => !special(p)));
  if (unmatched.length > 0) throw new UsageError(`no manifest matches ${unmatched.join(', ')}`, 'Directories give their *.yaml and *.yml files; quote a glob so planton, not the shell, expands it.');
  const all = [...files, ...given.filter(special)];
  // Nobody answers a question per manifest: one for the whole fleet's plan at a terminal, else --auto-approve.
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove && !io.stdin.isTTY) {
    const review = commandLine(['planton', 'plan', ...(op === 'destroy' ? ['--destroy'] : []), ...given]);
    throw new UsageError(`${op} of ${all.length} manifests needs --auto-approve`, `Review \`${review}\` first, then run ${op} again with --auto-approve.`);
  }
  return all;
}

function parallelismOf(given: string | undefined): number {
  if (given === undefined) return defaultParallelism();
  if (!/^[1-9]\d{0,3}$/.test(given)) throw new UsageError(`--parallelism ${given} is not a whole number from 1 to 9999`);
  return Number(given);
}

interface FleetRunInput {
  /** The manifests to run here. */
  files: string[];
  /** Every manifest of the run, in the order of the progress lines. */
  all: string[];
  parallelism: number;
  stop: Stop;
  progress: Progress;
  local?: RunningLocal;
  signal: () => EndingSignal | undefined;
  /** After one approval of the fleet's plan: apply only saved plans. */
  savedPlanOnly: boolean;
}

function runFleet(op: TofuOp, opts: TofuOptions, io: Io, f: FleetRunInput): Promise<ManifestResult[]> {
  const tables = new Map<string, string>();
  const line = (file: string) => f.all.indexOf(file);
  const one = async (file: string): Promise<ManifestResult> => {
    const started = Date.now();
    let log = '';
    const keep = (t: string) => void (log += t);
    // tofu's output of this manifest only, without colour (it is read later, in a report or a PR comment).
    const own: Io = { ...io, stdout: keep, stderr: keep, color: false, interactive: false, stdin: { isTTY: false } };
    let table: string | undefined;
    const claimTable = (name: string) => {
      table = name;
      const other = tables.get(name);
      if (other === undefined) tables.set(name, file);
      return other;
    };
    let result: ManifestResult;
    try {
      const phase = (p: Phase) => f.progress.update(line(file), p);
      result = await runManifest(op, { ...opts, manifest: file, manifests: [], format: 'text', json: false }, own, { file, phase, local: f.local, claimTable, stopped: f.signal, savedPlanOnly: f.savedPlanOnly });
      result = { ...result, log };
      if (result.verdict === 'failed' && result.reason === undefined) result.reason = failureReason(log, result.exitCode, f.signal());
    } catch (err) {
      const reason = err instanceof PlantonError ? err.message + (err.hint ? ` (${err.hint})` : '') : `internal error: ${err instanceof Error ? err.message : String(err)}`;
      result = { file, ...(table !== undefined ? { table } : {}), op: op as FleetOp, verdict: 'failed', changes: [], driftPaths: [], diagnostics: [], reason, exitCode: 1, seconds: (Date.now() - started) / 1000, log };
    }
    f.progress.update(line(file), finalState(result));
    return result;
  };
  const skip = (file: string, _i: number, reason: string): ManifestResult => {
    f.progress.update(line(file), 'skipped');
    return { file, op: op as FleetOp, verdict: 'skipped', changes: [], driftPaths: [], diagnostics: [], reason, exitCode: 1, seconds: 0, log: '' };
  };
  return runQueue(f.files, { parallelism: f.parallelism, failFast: opts.failFast, failing: (r) => isFailing(r.verdict), stop: f.stop }, one, skip);
}

/** `done in 9.8 s: no changes`, `invalid: 1 problem (0.1 s)`. */
function finalState(r: ManifestResult): string {
  return isFailing(r.verdict) ? `${verdictText(r)} (${secondsText(r.seconds)})` : `done in ${secondsText(r.seconds)}: ${verdictText(r)}`;
}

/** tofu's own first error line, else planton's last word, else the exit code. */
export function failureReason(log: string, exitCode: number, signal: EndingSignal | undefined): string {
  if (signal) return `stopped by ${signal}`;
  const tofuError = /^[│|\s]*Error: (.+)$/m.exec(log);
  if (tofuError) return tofuError[1]!.trim();
  const planton = log.split('\n').filter((l) => l.startsWith('planton: ')).at(-1);
  if (planton) return planton.slice('planton: '.length);
  return `exit code ${exitCode}`;
}

/** The fleet's manifests by the DynamoDB Local data directory a single --local run of each uses. */
function byDataDir(files: string[], cwd: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const dir = isUrl(f) || f === '-' ? cwd : dirname(resolve(cwd, f));
    const dataDir = localDataDir(dir);
    groups.set(dataDir, [...(groups.get(dataDir) ?? []), f]);
  }
  return groups;
}
