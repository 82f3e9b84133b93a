// Scratch directories of the tests that run planton or tofu: under test/.tmp in the repository (git
// ignores it), removed afterwards unless PLANTON_KEEP_TMP=1 keeps them for a look at what failed.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.js';

/** A fresh directory test/.tmp/<prefix>-XXXXXX. */
export function scratchDir(prefix: string): string {
  mkdirSync(join(repoRoot, 'test', '.tmp'), { recursive: true });
  return mkdtempSync(join(repoRoot, 'test', '.tmp', `${prefix}-`));
}

/** Removes a scratch directory (if one was made), unless PLANTON_KEEP_TMP is set. */
export function removeScratch(dir: string | undefined): void {
  if (dir && !process.env.PLANTON_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
}
