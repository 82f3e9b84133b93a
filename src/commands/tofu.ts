// `planton tofu init|plan|apply|destroy|refresh|output` (docs/contract.md, cli): one manifest runs
// through commands/tofu-run.ts with its output live on the terminal; plan, apply, destroy and refresh
// of many manifests (files, directories, globs) are a fleet (commands/fleet.ts, docs/fleets.md).
import type { TofuOp, TofuOptions } from './options.js';
import type { Io } from '../io.js';
import { expandPaths } from '../files/paths-expand.js';
import { isUrl } from '../source/index.js';
import { checkTofuOptions, runManifest } from './tofu-run.js';

export async function tofu(op: TofuOp, opts: TofuOptions, io: Io): Promise<number> {
  const given = opts.manifests ?? [];
  if (isFleet(given, io.cwd)) {
    const { fleet } = await import('./fleet.js');
    return fleet(op, opts, io);
  }
  // One manifest (or none: the stack input's target, else the default file) behaves as it always has.
  const one: TofuOptions = given.length === 1 ? { ...opts, manifest: given[0] } : opts;
  checkTofuOptions(op, one);
  const result = await runManifest(op, one, io);
  if (one.format !== 'text') {
    const { printReport } = await import('./fleet-report.js');
    await printReport({ op: result.op, results: [result], seconds: result.seconds, exitCode: result.exitCode }, one, io);
  }
  return result.exitCode;
}

/** More than one manifest named, or a directory or glob (which may give any number). */
function isFleet(given: string[], cwd: string): boolean {
  if (given.length > 1) return true;
  const only = given[0];
  if (only === undefined || isUrl(only) || only === '-') return false;
  const { files } = expandPaths(cwd, given);
  return files.length !== 1 || files[0] !== only;
}
