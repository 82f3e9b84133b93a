// `planton tofu init|plan|apply|destroy|refresh|output` (docs/contract.md, cli): open the session
// (src/session/), write and initialise the work directory (src/workspace/), then run the operation's
// flow through the runner (src/tofu/), with credentials only in tofu's environment.
import { resolve } from 'node:path';
import type { TofuOp, TofuOptions } from './options.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { checkSourceOptions } from '../source/index.js';
import { openSession, type Session } from '../session/index.js';
import { withDetectedLocal, withLocalSession } from '../session/local.js';
import { findBinary, pluginDirOf } from '../session/toolchain.js';
import { statusLine, type Status } from '../terminal/status.js';
import { toTfvars } from '../tfvars/index.js';
import { approvalNeeded } from '../tofu/approve.js';
import { buildChildEnv } from '../tofu/env.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import { initWorkspace } from '../workspace/init.js';
import { checkModuleDir } from '../workspace/module-dir.js';
import { prepareWorkspace } from '../workspace/prepare.js';
import { destroy } from './tofu-destroy.js';
import { output, type OpRun } from './tofu-op.js';
import { apply, plan } from './tofu-plan.js';

export async function tofu(op: TofuOp, opts: TofuOptions, io: Io): Promise<number> {
  if (opts.adopt && op !== 'apply' && op !== 'plan') throw new UsageError(`--adopt belongs to plan and apply, not ${op}`);
  if (opts.destroy && opts.adopt) throw new UsageError('plan --destroy and --adopt contradict each other; give one');
  checkSourceOptions(opts);
  const status = statusLine(io.interactive === true, io.stderr);
  try {
    return await tofuWith(op, opts, io, status);
  } finally {
    status.clear();
  }
}

async function tofuWith(op: TofuOp, opts: TofuOptions, io: Io, status: Status): Promise<number> {
  const session = await openSession(opts, io, status);
  if (typeof session === 'number') return session;
  // Once the inputs are known to be good (so the commands the refusal suggests can work), and before
  // a 10-second plan: nobody can answer the approval question.
  if ((op === 'apply' || op === 'destroy') && !opts.autoApprove && !io.stdin.isTTY) throw approvalNeeded(op, opts.invocation);
  // Before DynamoDB Local or terraform starts: a copy that lacks a variable fails here, naming it.
  if (opts.moduleDir !== undefined) {
    session.moduleDir = checkModuleDir(resolve(io.cwd, opts.moduleDir), opts.moduleDir, Object.keys(toTfvars(session.manifest)));
    session.out.stderr(`planton: module from ${session.moduleDir} (--module-dir), not the bundled one\n`);
  }
  if (opts.local) return withLocalSession(session, op === 'plan' || op === 'apply', (s) => drive(op, opts, s), op !== 'init');
  return drive(op, opts, op === 'init' ? session : await withDetectedLocal(session, op === 'plan' || op === 'apply'));
}

/** Writes the work directory, makes sure it is initialised, then runs the operation. */
async function drive(op: TofuOp, opts: TofuOptions, s: Session): Promise<number> {
  const { io, out } = s;
  const planning = op === 'plan' || op === 'apply';
  const binary = await findBinary(opts.binary, io, out);
  const ws = prepareWorkspace({ ...s, workdir: opts.workdir, cwd: io.cwd, adopt: opts.adopt, planning }, out, io.color);

  const env = buildChildEnv(io.env, s.aws);
  const ctx: RunContext = { binary: binary.path, cwd: ws.workDir, env, mask: s.mask, stdout: out.stdout, stderr: out.stderr, status: s.status.show };
  // With --json, stdout carries one JSON document: tofu's own text goes to stderr.
  const human: RunContext = opts.json ? { ...ctx, stdout: out.stderr } : ctx;
  const noColor = !opts.color || !io.color ? ['-no-color'] : [];
  const initCode = await initWorkspace(ws, { binary, pluginDir: pluginDirOf(opts.pluginDir, io), migrateState: opts.migrateState, asked: op === 'init', noColor }, human, out);
  if (initCode !== 0) return initCode;

  const run: OpRun = { op, opts, s, ctx, human, noColor, workDir: ws.workDir, binary, tableName: ws.tableName };
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
