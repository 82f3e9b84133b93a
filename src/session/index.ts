// The session stage: what a command knows once its inputs are read and checked — the stack input
// (secrets masked from here on), the manifest and where it came from, the region and credentials,
// the state backend. The workspace stage (src/workspace/) and the runner (src/tofu/) take it from here.
import { resolve } from 'node:path';
import type { FileResult } from '../document/diagnostics.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import type { Io } from '../io.js';
import { loadManifest } from '../manifest/index.js';
import { formatText } from '../report/text.js';
import { resolveManifestSource, type ManifestSource, type SourceOptions } from '../source/index.js';
import type { Status } from '../terminal/status.js';
import type { AwsSettings } from '../tofu/env.js';
import type { Mask } from '../tofu/mask.js';
import type { BackendSpec } from '../workspace/root-module.js';
import { awsSettings, backendOf, noRegionError, runRegion } from './aws.js';
import { openStackInput } from './stack.js';

export interface Session {
  io: Io;
  /** io with every write masked (and erasing the status line first). */
  out: Io;
  status: Status;
  mask: Mask;
  manifest: AwsDynamodb;
  manifestFile: string;
  /** `/target` when the manifest is the stack input's target. */
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

export interface SessionOptions extends SourceOptions {
  stackInput?: string;
  set: string[];
  local: boolean;
}

/**
 * Reads the stack input, then the manifest; exit code 1 once their diagnostics are printed (and handed
 * to `invalid`, for a fleet's report).
 */
export async function openSession(opts: SessionOptions, io: Io, status: Status, invalid?: (result: FileResult) => void): Promise<Session | number> {
  const { stack, mask, out, valid } = await openStackInput(opts.stackInput, io, status);
  if (!valid) {
    if (stack) invalid?.(stack.result);
    return 1;
  }
  const pc = stack?.input?.provider_config;

  // The manifest: --manifest (file or URL) or an overlay, else the stack input's target, else the default file.
  const target = opts.manifest === undefined && opts.kustomizeDir === undefined && stack?.input?.target !== undefined;
  const source: ManifestSource = target ? { file: resolve(io.cwd, opts.stackInput!), displayFile: opts.stackInput! } : await resolveManifestSource(opts, io);
  if (source.origin) out.stderr(source.origin + '\n');
  const { file: manifestFile, displayFile } = source;
  const at = target ? '/target' : undefined;
  const region = runRegion(opts.local, pc, io.env);
  const loaded = await loadManifest({ file: manifestFile, displayFile, sets: opts.set, at, region });
  if (loaded.result.diagnostics.length > 0) out.stderr(formatText([loaded.result], { color: io.color }));
  if (!loaded.manifest || loaded.result.status !== 'valid') {
    invalid?.(loaded.result);
    return 1;
  }
  if (region === undefined) throw noRegionError();

  return {
    io,
    out,
    status,
    mask,
    manifest: loaded.manifest,
    manifestFile,
    at,
    aws: awsSettings(pc, region),
    backend: backendOf(stack?.input?.backend, region),
    workDirBase: source.workDirBase,
  };
}
