// End-to-end suites need a real tofu or terraform. Where none is installed they skip, loudly.

import { chooseBinary } from '../../src/tofu/binary.js';
import { repoRoot } from './repo.js';

const repo = repoRoot;

/** The binary planton would run, or undefined when neither tofu nor terraform is installed. */
export const tofuBinary: string | undefined = (() => {
  try {
    return chooseBinary({ env: process.env, cwd: repo }).path;
  } catch {
    return undefined;
  }
})();

/** `describe` when a binary exists; otherwise `describe.skip` with a warning naming the file. */
export function describeWithTofu(file: string): jest.Describe {
  if (!tofuBinary) console.warn(`SKIPPED ${file}: neither tofu nor terraform is on PATH`);
  return tofuBinary ? describe : describe.skip;
}
