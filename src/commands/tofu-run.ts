// One manifest's run as a value: open the session, write and initialise the work directory, run the
// operation's flow, and return a ManifestResult (src/fleet/result.ts). Where tofu's output goes is the
// caller's choice, through `io`: the user's terminal, live, for one manifest; a per-manifest buffer in
// a fleet. `planton tofu <op>` of one manifest and every manifest of a fleet take this one path.
import { relative, resolve } from 'node:path';
import type { TofuOp, TofuOptions } from './options.js';
import type { FileResult } from '../document/diagnostics.js';
import { UsageError } from '../errors.js';
import type { FleetOp, ManifestResult, Verdict } from '../fleet/result.js';
import type { Io } from '../io.js';
import type { EndingSignal } from '../process/signals.js';
import { checkSourceOptions } from '../source/index.js';
import { openSession, type Session } from '../session/index.js';
import { moveToLocal, withDetectedLocal, withLocalSession, type RunningLocal } from '../session/local.js';
import { findBinary, pluginDirOf } from '../session/toolchain.js';
import { statusLine, type Status } from '../terminal/status.js';
import { tableName as tableNameOf, toTfvars } from '../tfvars/index.js';
import { approvalNeeded } from './approve.js';
import { buildChildEnv } from '../tofu/env.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import { initWorkspace } from '../workspace/init.js';
import { checkModuleDir } from '../workspace/module-dir.js';
import { prepareWorkspace } from '../workspace/prepare.js';
import { destroy } from './tofu-destroy.js';
import type { OpRun, Outcome } from './op-run.js';
import { output } from './tofu-op.js';
import { apply, plan } from './tofu-plan.js';

/** Where a manifest of a fleet is, for its progress line. */
export type Phase = 'queued' | 'reading' | 'initialising' | 'planning' | 'applying' | 'destroying' | 'refreshing';

/** What a fleet adds to one manifest's run; a single manifest passes none. */
export interface RunHooks {
  /** The manifest as the user named it. */
  file?: string;
  phase?: (phase: Phase) => void;
  /** The fleet's one DynamoDB Local (--local). */
  local?: RunningLocal;
  /** Claims the table for this manifest; returns the manifest that already has it in this run. */
  claimTable?: (table: string) => string | undefined;
  /** The run was stopped by this signal: no new tofu command starts. */
  stopped?: () => EndingSignal | undefined;
  /** apply/destroy only a saved plan (the one a person approved for the whole fleet), never a new one. */
  savedPlanOnly?: boolean;
}

/** Flags that contradict each other: checked once, before one manifest or a whole fleet runs. */
export function checkFlagCombinations(op: TofuOp, opts: TofuOptions): void {
  if (opts.adopt && op !== 'apply' && op !== 'plan') throw new UsageError(`--adopt belongs to plan and apply, not ${op}`);
  if (opts.destroy && opts.adopt) throw new UsageError('plan --destroy and --adopt contradict each other; give one');
}

/** Checks that need no manifest, made before one manifest runs. */
export function checkTofuOptions(op: TofuOp, opts: TofuOptions): void {
  checkFlagCombinations(op, opts);
  checkSourceOptions(opts);
}

/** Runs one manifest. A usage or internal error is thrown, as for any command; the fleet catches it per manifest. */
export async function runManifest(op: TofuOp, opts: TofuOptions, io: Io, hooks: RunHooks = {}): Promise<ManifestResult> {
  const started = Date.now();
  const seen: Seen = { outcome: {} };
  const status = statusLine(io.interactive === true, io.stderr);
  let exitCode: number;
  try {
    exitCode = await withSession(op, opts, io, status, hooks, seen);
  } finally {
    status.clear();
  }
  const file = hooks.file ?? (seen.manifestFile ? relative(io.cwd, seen.manifestFile) : (opts.manifest ?? ''));
  return resultOf({ op: op as FleetOp, file, exitCode, seen, seconds: (Date.now() - started) / 1000, detailed: opts.detailedExitcode });
}

/** What a run learnt on its way, beyond its exit code. */
interface Seen {
  outcome: Outcome;
  invalid?: FileResult;
  manifestFile?: string;
  table?: string;
}

async function withSession(op: TofuOp, opts: TofuOptions, io: Io, status: Status, hooks: RunHooks, seen: Seen): Promise<number> {
  hooks.phase?.('reading');
  const session = await openSession(opts, io, status, (r) => (seen.invalid = r));
  if (typeof session === 'number') return session;
  seen.manifestFile = session.manifestFile;
  // Once the inputs are known to be good (so the commands the refusal suggests can work), and before
  // a 10-second plan: nobody can answer the approval question.
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove && !io.stdin.isTTY) throw approvalNeeded(op, opts.invocation);
  // Before DynamoDB Local or terraform starts: a copy that lacks a variable fails here, naming it.
  if (opts.moduleDir !== undefined) {
    session.moduleDir = checkModuleDir(resolve(io.cwd, opts.moduleDir), opts.moduleDir, Object.keys(toTfvars(session.manifest)));
    session.out.stderr(`planton: module from ${session.moduleDir} (--module-dir), not the bundled one\n`);
  }
  const planning = op === 'plan' || op === 'apply';
  if (hooks.local) {
    const onLocal = (await moveToLocal(session, planning))(hooks.local);
    return drive(op, opts, onLocal, hooks, seen);
  }
  if (opts.local) return withLocalSession(session, planning, (s) => drive(op, opts, s, hooks, seen), op !== 'init');
  return drive(op, opts, op === 'init' ? session : await withDetectedLocal(session, planning), hooks, seen);
}

const PHASE_OF: Record<string, Phase> = { init: 'initialising', plan: 'planning', apply: 'applying', destroy: 'destroying', refresh: 'refreshing' };

/** Writes the work directory, makes sure it is initialised, then runs the operation. */
async function drive(op: TofuOp, opts: TofuOptions, s: Session, hooks: RunHooks, seen: Seen): Promise<number> {
  const { io, out } = s;
  const planning = op === 'plan' || op === 'apply';
  seen.table = tableNameOf(s.manifest);
  // Two manifests of one run on one table would share a work directory and fight over its state.
  const other = hooks.claimTable?.(seen.table);
  if (other !== undefined) throw new UsageError(`table '${seen.table}' is also the table of ${other} in this run`, 'Give each table one manifest.');
  const binary = await findBinary(opts.binary, io, out);
  const ws = prepareWorkspace({ ...s, workdir: opts.workdir, cwd: io.cwd, adopt: opts.adopt, planning }, out, io.color);

  const env = buildChildEnv(io.env, s.aws);
  const started = (command: string) => {
    const phase = op === 'destroy' && command === 'apply' ? 'destroying' : PHASE_OF[command];
    if (phase) hooks.phase?.(phase);
  };
  const ctx: RunContext = { binary: binary.path, cwd: ws.workDir, env, mask: s.mask, stdout: out.stdout, stderr: out.stderr, status: s.status.show, started, stopped: hooks.stopped };
  // With --json or a report on stdout, stdout carries one document: tofu's own text goes to stderr.
  const human: RunContext = opts.json || opts.format !== 'text' ? { ...ctx, stdout: out.stderr } : ctx;
  const noColor = !opts.color || !io.color ? ['-no-color'] : [];
  const initCode = await initWorkspace(ws, { binary, pluginDir: pluginDirOf(opts.pluginDir, io), migrateState: opts.migrateState, asked: op === 'init', noColor }, human, out);
  if (initCode !== 0) return initCode;

  const run: OpRun = { op, opts, s, ctx, human, noColor, workDir: ws.workDir, binary, tableName: ws.tableName, outcome: seen.outcome, savedPlanOnly: hooks.savedPlanOnly === true };
  switch (op) {
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
      throw new UsageError(`unknown tofu operation ${op}`);
  }
}

interface Finished {
  op: FleetOp;
  file: string;
  exitCode: number;
  seen: Seen;
  seconds: number;
  detailed: boolean;
}

function resultOf(f: Finished): ManifestResult {
  const { outcome, invalid } = f.seen;
  const analysis = outcome.analysis;
  const base = {
    file: f.file,
    ...(f.seen.table !== undefined ? { table: f.seen.table } : {}),
    op: f.op,
    changes: analysis?.changes ?? [],
    driftPaths: [...new Set((analysis?.drift ?? []).map((d) => d.manifestPath))],
    diagnostics: invalid?.diagnostics ?? [],
    exitCode: f.exitCode,
    seconds: f.seconds,
    log: '',
    ...(outcome.counts ? { counts: outcome.counts } : {}),
  };
  const verdict = verdictOf(f, base.driftPaths.length > 0);
  return { ...base, verdict, ...(outcome.refused ? { reason: outcome.refused.replace(/^planton: /, '').trim() } : {}) };
}

function verdictOf(f: Finished, drifted: boolean): Verdict {
  const { outcome, invalid } = f.seen;
  if (invalid) return 'invalid';
  if (outcome.refused) return 'refused';
  const planned = f.op === 'plan' && f.exitCode === 2 && f.detailed;
  if (f.exitCode !== 0 && !planned) return 'failed';
  switch (f.op) {
    case 'plan':
      return outcome.pending ? (drifted ? 'drift' : 'changes') : 'no-changes';
    case 'apply':
      return outcome.done ? 'applied' : 'no-changes';
    case 'destroy':
      return outcome.done ? 'destroyed' : 'no-changes';
    case 'refresh':
      return 'refreshed';
    default:
      return 'no-changes';
  }
}
