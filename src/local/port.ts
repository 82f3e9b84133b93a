// One port per DynamoDB Local data directory, recorded beside the data: the endpoint is part of what a
// saved plan was made from, so `plan --local` then `apply --local` applies the saved plan only if the
// second run gets the same port. A recorded port that is now taken gives way to a free one.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const PORT_FILE = 'planton.port';

export function recordedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(join(dataDir, PORT_FILE), 'utf8').trim());
    return Number.isInteger(port) && port > 1024 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function recordPort(dataDir: string, port: number): void {
  try {
    writeFileSync(join(dataDir, PORT_FILE), `${port}\n`);
  } catch {
    // Only a convenience: the next run picks another port and re-plans.
  }
}

/** Whether nothing listens on the port (DynamoDB Local binds every interface, so check them all). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '0.0.0.0', () => server.close(() => done(true)));
  });
}

/** The data directory's recorded port when it is free, else `fallback()`. */
export async function portFor(dataDir: string, fallback: () => Promise<number>): Promise<number> {
  const port = recordedPort(dataDir);
  return port !== undefined && (await portIsFree(port)) ? port : fallback();
}
