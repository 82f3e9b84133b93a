// --local (docs/contract.md, cli): DynamoDB Local on a free loopback port with its data under
// <manifest dir>/.planton/local-dynamodb/, dummy credentials and us-east-1, the server stopped
// whatever happens.
import { dirname, join } from 'node:path';
import { colors } from '../terminal/color.js';
import type { Io } from '../io.js';
import type { LocalAdjustment } from '../local/adjust.js';
import type { Status } from '../terminal/status.js';
import { recordedPort } from '../local/port.js';
import { LOCAL_DATA_DIR_NAME } from '../workspace/workdir.js';
import { localAws } from './aws.js';
import type { Session } from './index.js';

/** The DynamoDB Local data directory of the manifests in `dir`. */
export function localDataDir(dir: string): string {
  return join(dir, '.planton', LOCAL_DATA_DIR_NAME);
}

/** Starts DynamoDB Local on `dataDir`, runs `fn` against its endpoint, and stops the server whatever happens. */
export async function withDynamoDbLocal<T>(dataDir: string, io: Io, out: Io, fn: (endpoint: string) => Promise<T>, status?: Status): Promise<T> {
  const { startDynamoDbLocal } = await import('../local/server.js');
  status?.show('planton: starting DynamoDB Local …');
  const server = await startDynamoDbLocal({ dataDir, env: io.env });
  out.stderr(`planton: DynamoDB Local at ${server.endpoint} (data in ${dataDir})\n`);
  try {
    return await fn(server.endpoint);
  } finally {
    await server.stop();
  }
}

/**
 * A session moved onto DynamoDB Local: the manifest adjusted for what DynamoDB Local lacks (one warning
 * each, when `planning`: only plan and apply build a table), local state only, and the work directory
 * beside the data (…/local-dynamodb/tofu/<table>/) so local state never mixes with real AWS state.
 * `server` false (init) runs `fn` without starting DynamoDB Local.
 */
export async function withLocalSession(s: Session, planning: boolean, fn: (s: Session) => Promise<number>, server = true): Promise<number> {
  const dataDir = localDataDir(dirname(s.manifestFile));
  const moved = await moveToLocal(s, planning);
  // `init` talks to no table: the work directory gets the endpoint the next run will most likely use
  // (the data directory's recorded port), and no JVM is started for it.
  if (!server) return fn(moved({ endpoint: `http://127.0.0.1:${recordedPort(dataDir) ?? DEFAULT_LOCAL_PORT}`, dataDir }));
  return withDynamoDbLocal(dataDir, s.io, s.out, (endpoint) => fn(moved({ endpoint, dataDir })), s.status);
}

/** DynamoDB Local's own default port, for an endpoint written before any server ran. */
const DEFAULT_LOCAL_PORT = 8000;

/** A DynamoDB Local that is already up: one serves every manifest of a fleet run. */
export interface RunningLocal {
  endpoint: string;
  dataDir: string;
}

/** Adjusts the manifest (saying so) and returns the session on a running DynamoDB Local (see withLocalSession). */
export async function moveToLocal(s: Session, planning: boolean): Promise<(local: RunningLocal) => Session> {
  const { adjustForLocal } = await import('../local/adjust.js');
  const adjusted = adjustForLocal(s.manifest);
  if (planning) {
    for (const w of adjusted.warnings) s.out.stderr(colors(s.io.color).yellow(w.startsWith('planton:') ? w : `planton: warning: ${w}`) + '\n');
  }
  return (local) => localSession(s, adjusted, local.endpoint, local.dataDir);
}

/** What a --local run changes in a session. */
type LocalFields = Pick<Session, 'manifest' | 'tfvarsOverrides' | 'substitutedPaths' | 'aws' | 'backend' | 'workDirBase'>;

/** The session as a --local run sees it, DynamoDB Local at `endpoint` (pure: the fleet's read uses it
 *  too, and the e2e tests render the examples' roots with it, so they send what `--local` sends). */
export function localSession<S extends Pick<Session, 'manifestFile'>>(
  s: S,
  adjusted: LocalAdjustment,
  endpoint: string,
  dataDir = localDataDir(dirname(s.manifestFile)),
): Omit<S, keyof LocalFields> & LocalFields {
  return { ...s, ...adjustedFields(adjusted), aws: localAws(endpoint), backend: { type: 'local' }, workDirBase: join(dataDir, 'tofu') };
}

/** What the session takes from the --local adjustment of its manifest. */
function adjustedFields(adjusted: LocalAdjustment): Pick<Session, 'manifest' | 'tfvarsOverrides' | 'substitutedPaths'> {
  return {
    manifest: adjusted.manifest,
    // DynamoDB Local neither returns nor updates tags: the module then sends none (not even Name).
    tfvarsOverrides: { tags: null, ...(adjusted as { tfvars?: Record<string, unknown> }).tfvars },
    substitutedPaths: adjusted.substitutedPaths,
  };
}

/**
 * provider_config.endpoint without --local: when the endpoint answers as DynamoDB Local (local/detect.ts),
 * the run gets the manifest adjustments --local makes, said once in one warning (when `planning`), so the
 * table converges there too. Credentials, endpoint, state and work directory stay the stack input's.
 */
export async function withDetectedLocal(s: Session, planning: boolean): Promise<Session> {
  const endpoint = s.aws.endpoint;
  // PLANTON_DETECT_LOCAL=0: plan exactly what real AWS would get, e.g. to review a production manifest.
  if (endpoint === undefined || s.io.env.PLANTON_DETECT_LOCAL === '0') return s;
  const { isDynamoDbLocal } = await import('../local/detect.js');
  if (!(await isDynamoDbLocal(endpoint))) return s;
  const { adjustForLocal } = await import('../local/adjust.js');
  const adjusted = adjustForLocal(s.manifest);
  if (adjusted.warnings.length === 0) return s;
  if (planning) {
    const lines = [
      `planton: warning: provider_config.endpoint ${endpoint} is DynamoDB Local, so this run adjusts the manifest as --local does:`,
      ...adjusted.warnings.map((w) => `  ${w.replace(/^--local: /, '')}`),
    ];
    s.out.stderr(colors(s.io.color).yellow(lines.join('\n')) + '\n');
  }
  return { ...s, ...adjustedFields(adjusted) };
}
