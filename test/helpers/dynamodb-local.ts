// Test helper: a real DynamoDB Local on a free loopback port with its own temporary data directory,
// and an SDK client pointed at it. Tests only: src/ never loads the AWS SDK.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../../src/local/server.js';

// The SDK prints a nine-line NodeVersionSupportWarning on Node 20 the first time a client is built.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface TestDynamoDbLocal {
  endpoint: string;
  dataDir: string;
  client(): DynamoDBClient;
  /** Stops the server, then deletes its data directory (unless keepData). */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Starts DynamoDB Local; pass dataDir to reuse data another server (or a planton run) wrote. */
export async function withDynamoDbLocal(opts: { dataDir?: string } = {}): Promise<TestDynamoDbLocal> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'planton-ddb-'));
  const server = await startDynamoDbLocal({ dataDir });
  let client: DynamoDBClient | undefined;
  return {
    endpoint: server.endpoint,
    dataDir,
    client() {
      client ??= new DynamoDBClient({
        region: 'us-east-1',
        endpoint: server.endpoint,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      return client;
    },
    async stop({ keepData = !ownDir } = {}) {
      client?.destroy();
      await server.stop();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
