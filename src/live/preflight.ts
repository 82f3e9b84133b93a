// The fleet's fast path: which manifests certainly need no terraform plan. A manifest is answered
// "no changes" here only when all of this holds: its work directory has the stamp of a successful
// apply (workspace/applied.ts) made from exactly today's inputs (root module, tfvars, module files,
// binary, credentials identity); the local state is there, readable, holds the table and is the state
// that apply left; no create was interrupted; and the one live read of the fleet (fleet-read.ts) finds
// the table matching the manifest in every compared field, with nothing the read cannot see. Every
// other manifest is left out of the map, which means "plan it". When unsure, leave it out.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AwsDynamodb } from '../generated/manifest.js';
import type { ManifestResult } from '../fleet/result.js';
import type { Io } from '../io.js';
import { chooseRegion, localAws } from '../session/aws.js';
import { openBaseSession, type BaseSession, type Endpoint } from '../session/base.js';
import { isUrl } from '../source/index.js';
import { stateFileProblem } from '../tofu/state-file.js';
import { appliedInputs, appliedInputsHash, readAppliedStamp } from '../workspace/applied.js';
import { pendingCreate } from '../workspace/create-intent.js';
import { stateHoldsTable } from '../workspace/live-table.js';
import { stateStamp } from '../workspace/plan-file.js';
import { renderWorkspace } from '../workspace/prepare.js';
import { renderProvider } from '../workspace/provider.js';
import { STATE_FILE } from '../workspace/root-module.js';
import { compareLive } from './compare.js';
import { fleetManifests, loadFleet, readFleet, runSessionOf, type FleetManifest } from './fleet-read.js';

/** What the preflight reads of a tofu command's options (commands/options.ts `TofuOptions` has them
 *  all; declared here so this stage does not import the command layer above it). */
export interface PreflightOptions {
  set: string[];
  stackInput?: string;
  local: boolean;
  binary?: string;
  pluginDir?: string;
  moduleDir?: string;
  workdir?: string;
  kustomizeDir?: string;
  overlay?: string;
  adopt: boolean;
  destroy: boolean;
  migrateState: boolean;
}

export type Preflight = (files: string[], opts: PreflightOptions, io: Io) => Promise<Map<string, ManifestResult>>;

export const NO_PLAN_NEEDED = 'unchanged since the last apply (same manifest, inputs, module, binary and state); the live table matches the manifest';

/**
 * `files` as the user named them. Reads nothing into any work directory and writes nothing there;
 * under --local it starts DynamoDB Local itself (once per manifest directory), so call it before the
 * fleet starts its own. Never throws: a problem means "plan", and the plan will say it.
 */
export const preflightPlans: Preflight = async (files, opts, io) => {
  const started = Date.now();
  const answers = new Map<string, ManifestResult>();
  // What changes the root module beyond the manifest, or asks for more than a plan: always plan.
  if (opts.kustomizeDir !== undefined || opts.overlay !== undefined || opts.workdir !== undefined || opts.adopt || opts.destroy || opts.migrateState) return answers;
  // Quiet: the fleet says what the plans say; nothing of the fast path is printed.
  const quiet: Io = { ...io, stdout: () => {}, stderr: () => {} };
  try {
    const base = await openBaseSession(opts, quiet);
    if (typeof base === 'number') return answers;
    const plainFiles = files.filter((f) => !isUrl(f) && f !== '-' && existsSync(resolve(io.cwd, f)));
    const loaded = (await loadFleet(fleetManifests(io.cwd, plainFiles), opts.set, base)).flatMap((l) => (l.ok ? [l] : []));
    const { adjustForLocal } = await import('../local/adjust.js');
    const moduleDir = opts.moduleDir !== undefined ? resolve(io.cwd, opts.moduleDir) : undefined;
    const endpoint = placeholderEndpoint(base);
    if (!endpoint) return answers;
    const stamped = loaded.filter((m) => appliedAsToday(base, m, endpoint, moduleDir, adjustForLocal));
    if (stamped.length === 0) return answers;

    const read = await readFleet(stamped, base, 'preflight');
    const seconds = (Date.now() - started) / 1000;
    for (const t of read.targets) {
      if (t.read.status !== 'found' || t.read.notes.length > 0) continue;
      const cmp = compareLive(t.session.manifest, t.read, { autoscalingRead: t.endpoint.kind === 'aws', tags: t.endpoint.kind !== 'local' });
      if (cmp.differs.length > 0 || cmp.unseen.length > 0) continue;
      answers.set(t.loaded.file, {
        file: t.loaded.file,
        table: t.loaded.table,
        op: 'plan',
        verdict: 'no-changes',
        changes: [],
        driftPaths: [],
        reason: NO_PLAN_NEEDED,
        diagnostics: [],
        exitCode: 0,
        seconds,
        log: '',
      });
    }
  } catch {
    // Unsure: every manifest gets its real plan, which reports whatever went wrong here.
    return new Map();
  }
  return answers;
};

/** The endpoint as the stamp sees it: DynamoDB Local's port is left out of the hash, so any will do. */
function placeholderEndpoint(base: BaseSession): Endpoint | undefined {
  if (base.local) {
    const aws = localAws('http://127.0.0.1:0');
    return { aws, kind: 'local', provider: renderProvider(aws) };
  }
  if (chooseRegion(base.stack?.input?.provider_config, base.io.env) === undefined) return undefined;
  return base.awsEndpoint();
}

function appliedAsToday(
  base: BaseSession,
  m: FleetManifest & { manifest: AwsDynamodb; table: string },
  endpoint: Endpoint,
  moduleDir: string | undefined,
  adjustForLocal: Parameters<typeof runSessionOf>[3],
): boolean {
  const s = runSessionOf(base, m, endpoint, adjustForLocal);
  // A remote state can change without planton seeing it.
  if (s.backend.type !== 'local') return false;
  const rendered = renderWorkspace({ ...s, moduleDir, cwd: base.io.cwd });
  const { workDir } = rendered;
  const stamp = readAppliedStamp(workDir);
  if (!stamp || stamp.inputs !== appliedInputsHash(appliedInputs(rendered, s.aws, base.binary, base.local))) return false;
  if (pendingCreate(workDir, rendered.tableName) || stateFileProblem(join(workDir, STATE_FILE)) !== undefined) return false;
  if (stateStamp(workDir) !== stamp.state) return false;
  return stateHoldsTable(workDir, rendered.tableName);
}
