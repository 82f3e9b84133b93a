// Which tofu/terraform binary and provider plugin directory a run uses: the flag, else the environment.
import { resolve } from 'node:path';
import type { Io } from '../io.js';
import { chooseBinary, describeBinary, type TofuBinary } from '../tofu/binary.js';
import { probeBinaryCached } from '../tofu/version-cache.js';

/** Finds and probes the binary, then says which one runs (on `out`, masked like everything else). */
export async function findBinary(flag: string | undefined, io: Io, out: Io): Promise<TofuBinary> {
  const binary = await probeBinaryCached(chooseBinary({ flag, env: io.env, cwd: io.cwd }), io.env);
  out.stderr(describeBinary(binary) + '\n');
  return binary;
}

/** --plugin-dir, else PLANTON_PLUGIN_DIR; absolute, or undefined for tofu's own provider download. */
export function pluginDirOf(flag: string | undefined, io: Io): string | undefined {
  const given = flag ?? (io.env.PLANTON_PLUGIN_DIR || undefined);
  return given ? resolve(io.cwd, given) : undefined;
}
