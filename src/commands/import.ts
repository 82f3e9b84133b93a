import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
export async function importTable(_opts: { table: string; stackInput?: string; local: boolean; out?: string; binary?: string; pluginDir?: string }, _io: Io): Promise<number> {
  throw new UsageError('import: not implemented yet');
}
