import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { TofuOp, TofuOptions } from '../cli.js';
export async function tofu(op: TofuOp, _opts: TofuOptions, _io: Io): Promise<number> {
  throw new UsageError(`tofu ${op}: not implemented yet`);
}
