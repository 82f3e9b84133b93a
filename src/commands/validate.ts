import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
export async function validate(_opts: { manifest: string; format: 'text' | 'json'; set: string[] }, _io: Io): Promise<number> {
  throw new UsageError('validate: not implemented yet');
}
