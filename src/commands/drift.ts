// `planton drift FILE|DIR|GLOB ... [-m FILE ...]`: read-only. Reads every live table of the run in one
// terraform run (live/fleet-read.ts) and says per manifest: no drift, drift at these manifest paths,
// table missing, invalid, failed. Exit 1 if any manifest is invalid or could not be read; else 2 if
// any drifted or is missing (a drift check answers with its exit code, as `plan --detailed-exitcode`
// does; the flag is accepted for scripts written for plan); else 0.
import { UsageError } from '../errors.js';
import { fleetExitCode } from '../fleet/exit-code.js';
import type { ManifestResult } from '../fleet/result.js';
import type { Io } from '../io.js';
import { driftResult } from '../live/drift.js';
import { fleetManifests, loadFleet, readFleet } from '../live/fleet-read.js';
import { formatDriftText } from '../live/report-text.js';
import { namedManifestFiles } from './manifest-files.js';
import { openBaseSession } from '../session/base.js';
import { isUrl } from '../source/index.js';

export interface DriftOptions {
  /** Files, directories and globs as given; none means the default manifest. */
  paths: string[];
  set: string[];
  stackInput?: string;
  local: boolean;
  binary?: string;
  pluginDir?: string;
  color: boolean;
  format: 'text' | 'json' | 'markdown';
  log: boolean;
}

export async function drift(opts: DriftOptions, io: Io): Promise<number> {
  const special = opts.paths.find((p) => isUrl(p) || p === '-');
  if (special !== undefined) throw new UsageError(`planton drift reads manifest files, not ${special}`, 'Each manifest keeps its work directory beside it: save it to a file first.');
  const given = opts.paths.length > 0;
  const { files: present, failed } = namedManifestFiles(io.cwd, opts.paths, given, io.stderr);
  if (present.length === 0) return 1;

  const base = await openBaseSession(opts, io);
  if (typeof base === 'number') return base;
  const started = Date.now();
  const loaded = await loadFleet(fleetManifests(io.cwd, present), opts.set, base);
  const valid = loaded.flatMap((l) => (l.ok ? [l] : []));
  const read = valid.length > 0 ? await readFleet(valid, base, 'drift') : { targets: [], commands: 0, runs: 0 };
  const seconds = (Date.now() - started) / 1000;
  if (valid.length > 0) {
    base.out.stderr(`planton: read ${valid.length} live table${valid.length === 1 ? '' : 's'} in ${read.runs} terraform run${read.runs === 1 ? '' : 's'} (${read.commands} terraform commands, ${seconds.toFixed(1)} s)\n`);
  }
  const byFile = new Map(read.targets.map((t) => [t.loaded.file, driftResult(t, seconds)]));
  const results: ManifestResult[] = loaded.map(
    (l) =>
      byFile.get(l.file) ?? {
        file: l.file,
        op: 'drift',
        verdict: 'invalid',
        changes: [],
        driftPaths: [],
        diagnostics: l.ok ? [] : l.diagnostics,
        exitCode: 1,
        seconds: 0,
        log: '',
      },
  );
  const exitCode = driftExitCode(results, failed);
  if (opts.format === 'text') {
    // drift's own words (drifted, missing) for a terminal; json and markdown are the fleet's documents.
    for (const r of results) if (r.log && (r.verdict === 'failed' || opts.log)) base.out.stderr(r.log);
    base.out.stdout(formatDriftText(results, io.color && opts.color));
  } else {
    const { printReport } = await import('./fleet-report.js');
    await printReport({ op: 'drift', results, seconds, exitCode }, { format: opts.format, log: opts.log, json: false }, { ...base.out, color: false });
  }
  return exitCode;
}

/** 1 if anything is invalid or failed (or a named file was missing); else 2 if any drift; else 0: the
 *  fleet's rule over verdicts, always detailed (a drift check answers with its exit code). */
export function driftExitCode(results: ManifestResult[], failed = false): number {
  return failed ? 1 : fleetExitCode(results, true);
}
