// Test helper: a real S3 API server (s3rver) on a free loopback port with its own temporary directory,
// one bucket created up front. Its objects are plain files, so a test can read a stored state directly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** s3rver checks request signatures against this key pair (its built-in account). */
export const S3RVER_KEY = 'S3RVER';

interface S3rverServer {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverServer;

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The stored object's text, or undefined when the key does not exist. */
  object(key: string): string | undefined;
  stop(): Promise<void>;
}

export async function withS3rver(bucket: string): Promise<TestS3> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = mkdtempSync(join(tmpdir(), 'planton-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    object(key: string) {
      try {
        // s3rver's file store: <directory>/<bucket>/<key>._S3rver_object
        return readFileSync(join(directory, bucket, `${key}._S3rver_object`), 'utf8');
      } catch {
        return undefined;
      }
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
