// `init` runs only when what it depends on changed: the bundled module's files, the root module's
// provider requirements and backend, the binary (path and version) and the plugin directory. What
// they were at the last successful init is kept in the work directory (.planton-init.json), so the
// reason for an init names what changed, old → new.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../files/hash.js';

export const FINGERPRINT_FILE = '.planton-init.json';
/** What planton wrote before the record above: one hash of the same inputs. */
const LEGACY_FINGERPRINT_FILE = '.planton-init.sha256';

export interface InitInputs {
  moduleDir: string;
  /** `terraform.required_providers` of the root module. */
  requiredProviders: unknown;
  /** `terraform.backend` of the root module (never holds credentials). */
  backend: unknown;
  binary: { path: string; version: string };
  pluginDir?: string;
}

/** What init depended on, as stored: the inputs with the module's files as content hashes. */
export interface InitRecord {
  moduleDir: string;
  moduleFiles: [string, string][];
  requiredProviders: unknown;
  backend: unknown;
  binary: { path: string; version: string };
  pluginDir: string | null;
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

export function initRecord(inputs: InitInputs, hashes = moduleFileHashes(inputs.moduleDir)): InitRecord {
  return {
    moduleDir: inputs.moduleDir,
    moduleFiles: hashes,
    requiredProviders: inputs.requiredProviders,
    backend: inputs.backend,
    binary: inputs.binary,
    pluginDir: inputs.pluginDir ?? null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** The module files that were added, removed or edited. */
function changedFiles(old: [string, string][], now: [string, string][]): string[] {
  const before = new Map(old);
  const after = new Map(now);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.filter((n) => before.get(n) !== after.get(n)).map((n) => (!before.has(n) ? `${n} (added)` : !after.has(n) ? `${n} (removed)` : n));
}

/** `local → s3`, or the settings of one backend type that differ. */
function backendChange(old: unknown, now: unknown): string {
  const type = (b: unknown) => (b && typeof b === 'object' ? Object.keys(b)[0] : undefined);
  const [a, b] = [type(old), type(now)];
  if (a !== b || a === undefined) return `backend changed: ${a ?? '(none)'} → ${b ?? '(none)'}`;
  const settings = (v: unknown) => ((v as Record<string, Record<string, unknown>>)[a] ?? {}) as Record<string, unknown>;
  const [sa, sb] = [settings(old), settings(now)];
  const keys = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].sort().filter((k) => !same(sa[k], sb[k]));
  return `backend ${a} changed: ${keys.map((k) => `${k} ${json(sa[k])} → ${json(sb[k])}`).join(', ')}`;
}

/**
 * What changed between the stored record and now, in words (empty when init is not needed). A plugin
 * directory that is no longer given is no reason on its own: the providers init installed from it are
 * still in .terraform/, and the same requirements need no others (a machine with a mirror and a shell
 * without PLANTON_PLUGIN_DIR must not send init to a registry it cannot reach).
 */
export function initChanges(old: InitRecord, now: InitRecord): string[] {
  const changes: string[] = [];
  if (old.moduleDir !== now.moduleDir) changes.push(`module directory changed: ${old.moduleDir} → ${now.moduleDir}`);
  else if (!same(old.moduleFiles, now.moduleFiles)) changes.push(`module files changed: ${changedFiles(old.moduleFiles, now.moduleFiles).join(', ')}`);
  if (!same(old.requiredProviders, now.requiredProviders)) changes.push(`provider requirements changed: ${json(old.requiredProviders)} → ${json(now.requiredProviders)}`);
  if (!same(old.backend, now.backend)) changes.push(backendChange(old.backend, now.backend));
  if (!same(old.binary, now.binary)) changes.push(`binary changed: ${old.binary.path} ${old.binary.version} → ${now.binary.path} ${now.binary.version}`);
  const pluginDirChanged = old.pluginDir !== now.pluginDir && (now.pluginDir !== null || changes.length > 0);
  if (pluginDirChanged) changes.push(`plugin directory changed: ${old.pluginDir ?? '(none)'} → ${now.pluginDir ?? '(none)'}`);
  return changes;
}

function storedRecord(workDir: string): InitRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(workDir, FINGERPRINT_FILE), 'utf8')) as InitRecord;
    return record && typeof record === 'object' && Array.isArray(record.moduleFiles) && record.binary ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The hash an older planton stored for the same inputs. */
function legacyHash(r: InitRecord): string {
  const { moduleDir, moduleFiles, requiredProviders, backend, binary, pluginDir } = r;
  return sha256(JSON.stringify({ moduleDir, moduleFiles, requiredProviders, backend, binary, pluginDir }));
}

/** Why init must run, or undefined when nothing it depends on changed and init's products exist. */
export function initReason(workDir: string, now: InitRecord): string | undefined {
  if (!existsSync(join(workDir, '.terraform'))) return 'first run (.terraform/ is missing)';
  if (!existsSync(join(workDir, '.terraform', 'modules', 'modules.json'))) return 'the module is not installed';
  if (!existsSync(join(workDir, '.terraform.lock.hcl'))) return 'the dependency lock file is missing';
  const stored = storedRecord(workDir);
  if (!stored) {
    // A work directory an older planton initialised: the same inputs need no init; keep them the new way.
    if (readLegacy(workDir) === legacyHash(now)) {
      recordInit(workDir, now);
      return undefined;
    }
    return existsSync(join(workDir, FINGERPRINT_FILE)) ? `${FINGERPRINT_FILE} cannot be read` : 'no init fingerprint recorded';
  }
  const changes = initChanges(stored, now);
  return changes.length > 0 ? changes.join('; ') : undefined;
}

function readLegacy(workDir: string): string | undefined {
  try {
    return readFileSync(join(workDir, LEGACY_FINGERPRINT_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function recordInit(workDir: string, record: InitRecord): void {
  writeFileSync(join(workDir, FINGERPRINT_FILE), JSON.stringify(record, null, 2) + '\n');
  rmSync(join(workDir, LEGACY_FINGERPRINT_FILE), { force: true });
}
