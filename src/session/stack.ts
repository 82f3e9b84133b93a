// The stack input opens every command that talks to AWS: its secrets are known, and masked in
// everything printed, before anything else is said.
import { resolve } from 'node:path';
import { colors } from '../terminal/color.js';
import type { Io } from '../io.js';
import { stackInputProblem } from '../document/read.js';
import { formatText } from '../report/text.js';
import { loadStackInput, type LoadedStackInput } from '../stack-input/index.js';
import type { Status } from '../terminal/status.js';
import { createMasker, maskWriters, type Mask } from '../tofu/mask.js';

export interface OpenedStack {
  /** Absent without --stack-input. */
  stack?: LoadedStackInput;
  mask: Mask;
  /** io with every write masked (and, given a status line, erasing it first). */
  out: Io;
  /** False when the stack input did not validate: its diagnostics are printed already. */
  valid: boolean;
}

/** Loads --stack-input (a missing file gets planton's sentence), prints its warnings, then its diagnostics when invalid. */
export async function openStackInput(given: string | undefined, io: Io, status?: Status): Promise<OpenedStack> {
  let stack: LoadedStackInput | undefined;
  if (given !== undefined) {
    const problem = stackInputProblem(io.cwd, given);
    if (problem) throw problem;
    stack = await loadStackInput(resolve(io.cwd, given), given);
  }
  const mask = createMasker([...(stack?.secrets ?? [])]);
  const masked = maskWriters(io, mask);
  const out = status ? status.wrap(masked) : masked;
  for (const w of stack?.warnings ?? []) out.stderr(colors(io.color).yellow(w) + '\n');
  const valid = !stack || stack.result.status === 'valid';
  if (!valid) out.stderr(formatText([stack!.result], { color: io.color }));
  return { stack, mask, out, valid };
}
