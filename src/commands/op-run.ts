// What every tofu operation's flow works with once the session is open and the work directory is
// initialised (a type of its own, so the flows and the plan reader share it without importing each other).
import type { TofuOp, TofuOptions } from './options.js';
import type { PlanAnalysis } from '../plan/analyse.js';
import type { Session } from '../session/index.js';
import type { TofuBinary } from '../tofu/binary.js';
import type { RunContext } from '../tofu/run.js';

export interface OpRun {
  op: TofuOp;
  opts: TofuOptions;
  s: Session;
  ctx: RunContext;
  /** ctx for tofu's own human-readable text (on stderr with --json, where stdout carries one JSON document). */
  human: RunContext;
  noColor: string[];
  workDir: string;
  binary: TofuBinary;
  tableName: string;
  /** What the flow found, for the run's result value (commands/tofu-run.ts). */
  outcome: Outcome;
  /** apply/destroy only the saved plan (approved with the whole fleet's); never plan anew unseen. */
  savedPlanOnly?: boolean;
}

/** Filled in by the flows as they learn it; the verdict is read from it and the exit code. */
export interface Outcome {
  analysis?: PlanAnalysis;
  /** Resource counts of the plan, as terraform counts them. */
  counts?: { add: number; change: number; destroy: number };
  /** The plan would change something (what `--detailed-exitcode` reports as 2). */
  pending?: boolean;
  /** A guard stopped the apply: its message. */
  refused?: string;
  /** The operation changed the live table (apply with changes, destroy of a table that existed). */
  done?: boolean;
}
