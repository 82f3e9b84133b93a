// The one read behind `planton drift` and the fleet's preflight: load every manifest, then read all
// their live tables in one terraform run per place they live (one run on AWS; under --local one
// DynamoDB Local and one run per data directory, i.e. per manifest directory), and hand each manifest
// its session as a run would see it (adjusted for DynamoDB Local) with what the read found.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../document/diagnostics.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import { loadManifest } from '../manifest/index.js';
import { formatText } from '../report/text.js';
import { backendOf, runRegion } from '../session/aws.js';
import type { BaseSession, Endpoint } from '../session/base.js';
import type { Session } from '../session/index.js';
import { localDataDir, localSession } from '../session/local.js';
import { statusLine } from '../terminal/status.js';
import { tableName } from '../tfvars/index.js';
import { ownPlanReading } from '../plan/file/read-plan.js';
import { readLiveTables, type LiveRead } from './read.js';
import type { LocalAdjustment } from '../local/adjust.js';

export interface FleetManifest {
  /** As the user named it. */
  file: string;
  manifestFile: string;
}

export type Loaded = FleetManifest & ({ ok: true; manifest: AwsDynamodb; table: string } | { ok: false; diagnostics: Diagnostic[] });

export interface ReadTarget {
  loaded: FleetManifest & { table: string };
  /** The session a run of this manifest would open (manifest adjusted, endpoint and backend set). */
  session: Session;
  read: LiveRead;
  endpoint: Endpoint;
}

export interface FleetRead {
  targets: ReadTarget[];
  /** terraform commands over the whole read, and how many terraform runs (scratch roots) it took. */
  commands: number;
  runs: number;
}

export function fleetManifests(cwd: string, files: readonly string[]): FleetManifest[] {
  return files.map((file) => ({ file, manifestFile: isAbsolute(file) ? file : resolve(cwd, file) }));
}

/** Every manifest's diagnostics are printed (to `out.stderr`) as validate prints them. */
export async function loadFleet(manifests: FleetManifest[], sets: string[], base: BaseSession): Promise<Loaded[]> {
  const region = runRegion(base.local, base.stack?.input?.provider_config, base.io.env);
  const out: Loaded[] = [];
  for (const m of manifests) {
    const loaded = await loadManifest({ file: m.manifestFile, displayFile: m.file, sets, region });
    if (loaded.result.diagnostics.length > 0) base.out.stderr(formatText([loaded.result], { color: base.io.color }));
    if (loaded.manifest && loaded.result.status === 'valid') out.push({ ...m, ok: true, manifest: loaded.manifest, table: tableName(loaded.manifest) });
    else out.push({ ...m, ok: false, diagnostics: loaded.result.diagnostics });
  }
  return out;
}

/** The session a one-manifest run would open against `endpoint` (under --local: adjusted, local state). */
export function runSessionOf(base: BaseSession, m: FleetManifest & { manifest: AwsDynamodb }, endpoint: Endpoint, adjustForLocal: (m: AwsDynamodb) => LocalAdjustment): Session {
  const plain: Session = {
    io: base.io,
    out: base.out,
    status: statusLine(false, base.out.stderr),
    mask: base.mask,
    manifest: m.manifest,
    manifestFile: m.manifestFile,
    aws: endpoint.aws,
    backend: backendOf(base.stack?.input?.backend, endpoint.aws.region),
  };
  return base.local ? localSession(plain, adjustForLocal(m.manifest), endpoint.aws.endpoint!) : plain;
}

export async function readFleet(manifests: (FleetManifest & { manifest: AwsDynamodb; table: string })[], base: BaseSession, purpose: string): Promise<FleetRead> {
  // Under --local each manifest directory has its own DynamoDB Local data; on AWS there is one place.
  const groups = new Map<string, typeof manifests>();
  for (const m of manifests) {
    const key = base.local ? localDataDir(dirname(m.manifestFile)) : '';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const { adjustForLocal } = await import('../local/adjust.js');
  const result: FleetRead = { targets: [], commands: 0, runs: 0 };
  for (const [dataDir, group] of groups) {
    await base.withEndpoint(dataDir, async (endpoint) => {
      const read = await readLiveTables({
        tables: group.map((m) => m.table),
        aws: endpoint.aws,
        binary: base.binary.path,
        pluginDir: base.pluginDir,
        env: base.io.env,
        mask: base.mask,
        stderr: base.out.stderr,
        autoscaling: endpoint.kind === 'aws',
        provider: endpoint.provider,
        purpose,
        planFileVersion: ownPlanReading(base.binary, base.io.env),
      });
      result.commands += read.commands;
      result.runs++;
      for (const m of group) {
        const session = runSessionOf(base, m, endpoint, adjustForLocal);
        result.targets.push({ loaded: { file: m.file, manifestFile: m.manifestFile, table: m.table }, session, read: read.tables.get(m.table)!, endpoint });
      }
    });
  }
  return result;
}
