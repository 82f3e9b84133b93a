// `--module-dir DIR`: a local copy of the module (module development, a fork) runs in place of the
// bundled one. Before terraform starts, the copy must declare every variable planton sets, so a stale
// fork fails with the names it lacks instead of terraform's "Unsupported argument" after init.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/** Variable names declared in a directory's .tf (`variable "x" {`) and .tf.json files. */
export function declaredVariables(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(dir).sort()) {
    const path = join(dir, file);
    if (file.endsWith('.tf')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/^\s*variable\s+"([^"]+)"/gm)) names.add(m[1]!);
    } else if (file.endsWith('.tf.json')) {
      try {
        const json = JSON.parse(readFileSync(path, 'utf8')) as { variable?: Record<string, unknown> };
        for (const name of Object.keys(json.variable ?? {})) names.add(name);
      } catch {
        // terraform reports a broken .tf.json itself, with its position.
      }
    }
  }
  return names;
}

/** The copy's absolute path once it is a directory of .tf files declaring every variable in `needed`. */
export function checkModuleDir(dir: string, shown: string, needed: readonly string[]): string {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--module-dir ${shown}: not a directory`);
    files = readdirSync(dir);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--module-dir ${shown}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : String(err)}`);
  }
  if (!files.some((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))) {
    throw new UsageError(`--module-dir ${shown}: no .tf files there; it must be a copy of planton's module (tf-module/ in the package)`);
  }
  const declared = declaredVariables(dir);
  const missing = needed.filter((n) => !declared.has(n)).sort();
  if (missing.length > 0) {
    throw new UsageError(
      `--module-dir ${shown}: the module lacks ${missing.length === 1 ? 'a variable' : `${missing.length} variables`} planton sets: ${missing.join(', ')}`,
      "Declare them (see variables.tf of planton's bundled tf-module/), or copy the module from this planton version.",
    );
  }
  return dir;
}
