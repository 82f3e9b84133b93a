// "planton is creating this table": written to the work directory just before an apply that creates
// the table, removed once an apply finishes. If the apply is interrupted after AWS accepted
// CreateTable (Ctrl-C, SIGTERM, a crash), the table exists and the state does not hold it; finding the
// marker, the next run adds an import block that takes the table into state if it exists
// (root-module.ts conditionalImport), so it converges without flags.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CREATE_INTENT_FILE = '.planton-creating.json';

export function recordCreateIntent(workDir: string, tableName: string): void {
  writeFileSync(join(workDir, CREATE_INTENT_FILE), JSON.stringify({ table: tableName, since: new Date().toISOString() }, null, 2) + '\n');
}

/** The table an earlier, unfinished apply began to create here, if any (and only if it is this table). */
export function pendingCreate(workDir: string, tableName: string): boolean {
  const path = join(workDir, CREATE_INTENT_FILE);
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { table?: unknown }).table === tableName;
  } catch {
    return false;
  }
}

export function clearCreateIntent(workDir: string): void {
  rmSync(join(workDir, CREATE_INTENT_FILE), { force: true });
}
