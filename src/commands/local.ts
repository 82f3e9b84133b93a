// `planton local start`: DynamoDB Local in the foreground on the data directory that `--local` commands
// for a manifest use, so a table can be made with the AWS CLI or an SDK (then `planton import --local`).
// Only one process may use a data directory at a time: stop this one (Ctrl-C) before running planton
// --local commands on the same directory.
import { dirname, resolve } from 'node:path';
import type { Io } from '../io.js';
import { DEFAULT_MANIFEST } from '../document/read.js';
import { localDataDir } from '../session/local.js';

export async function localStart(opts: { manifest?: string }, io: Io, stopSignal: Promise<unknown> = untilSignal()): Promise<number> {
  const { startDynamoDbLocal } = await import('../local/server.js');
  const dataDir = localDataDir(dirname(resolve(io.cwd, opts.manifest ?? DEFAULT_MANIFEST)));
  const server = await startDynamoDbLocal({ dataDir, env: io.env });
  io.stderr(`planton: DynamoDB Local at ${server.endpoint} (data in ${dataDir}); Ctrl-C stops it\n`);
  io.stderr('  e.g. AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 ' + `aws dynamodb list-tables --endpoint-url ${server.endpoint}\n`);
  // The endpoint alone on stdout, for scripts: `endpoint=$(planton local start | head -1)`.
  io.stdout(`${server.endpoint}\n`);
  try {
    await stopSignal;
  } finally {
    await server.stop();
    io.stderr('planton: DynamoDB Local stopped\n');
  }
  return 0;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const on = (sig: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
