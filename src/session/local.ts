// --local (docs/contract.md, cli): DynamoDB Local on a free loopback port with its data under
// <manifest dir>/.planton/local-dynamodb/, dummy credentials and us-east-1, the server stopped
// whatever happens.
import { dirname, join } from 'node:path';
import { colors } from '../terminal/color.js';
import type { Io } from '../io.js';
import type { Status } from '../terminal/status.js';
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
 */
export async function withLocalSession(s: Session, planning: boolean, fn: (s: Session) => Promise<number>): Promise<number> {
  const dataDir = localDataDir(dirname(s.manifestFile));
  const moved = await moveToLocal(s, planning);
  return withDynamoDbLocal(dataDir, s.io, s.out, (endpoint) => fn(moved({ endpoint, dataDir })), s.status);
}

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
  return (local) => ({
    ...s,
    manifest: adjusted.manifest,
    aws: localAws(local.endpoint),
    backend: { type: 'local' },
    workDirBase: join(local.dataDir, 'tofu'),
    // DynamoDB Local neither returns nor updates tags: the module then sends none (not even Name).
    tfvarsOverrides: { tags: null, ...(adjusted as { tfvars?: Record<string, unknown> }).tfvars },
    substitutedPaths: adjusted.substitutedPaths,
  });
}
