// `init` runs only when what it depends on changed: the bundled module's files, the root module's
// provider requirements and backend, the binary (path and version) and the plugin directory. The
// fingerprint of those is stored in the work directory after a successful init.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../files/hash.js';

export const FINGERPRINT_FILE = '.planton-init.sha256';

export interface InitInputs {
  moduleDir: string;
  /** `terraform.required_providers` of the root module. */
  requiredProviders: unknown;
  /** `terraform.backend` of the root module (never holds credentials). */
  backend: unknown;
  binary: { path: string; version: string };
  pluginDir?: string;
}

/** Content hashes of the module's .tf / .tf.json files, sorted by name. */
export function moduleFileHashes(moduleDir: string): [string, string][] {
  let names: string[] = [];
  try {
    names = readdirSync(moduleDir).filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => [n, sha256(readFileSync(join(moduleDir, n)))]);
}

export function initFingerprint(inputs: InitInputs, hashes = moduleFileHashes(inputs.moduleDir)): string {
  return sha256(
    JSON.stringify({
      moduleDir: inputs.moduleDir,
      moduleFiles: hashes,
      requiredProviders: inputs.requiredProviders,
      backend: inputs.backend,
      binary: inputs.binary,
      pluginDir: inputs.pluginDir ?? null,
    }),
  );
}

/** Why init must run, or undefined when the stored fingerprint matches and init's products exist. */
export function initReason(workDir: string, fingerprint: string): string | undefined {
  if (!existsSync(join(workDir, '.terraform'))) return 'first run (.terraform/ is missing)';
  if (!existsSync(join(workDir, '.terraform', 'modules', 'modules.json'))) return 'the module is not installed';
  if (!existsSync(join(workDir, '.terraform.lock.hcl'))) return 'the dependency lock file is missing';
  let stored: string | undefined;
  try {
    stored = readFileSync(join(workDir, FINGERPRINT_FILE), 'utf8').trim();
  } catch {
    return 'no init fingerprint recorded';
  }
  if (stored !== fingerprint) return 'the module, provider, backend, binary or plugin directory changed';
  return undefined;
}

export function recordInit(workDir: string, fingerprint: string): void {
  writeFileSync(join(workDir, FINGERPRINT_FILE), fingerprint + '\n');
}
