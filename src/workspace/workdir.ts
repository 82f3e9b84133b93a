// The work directory: <manifest dir>/.planton/<table name>/ (or --workdir). It holds the generated root
// module, terraform.tfvars.json, .terraform/ and, with the local backend, the state. planton never deletes
// state, and an owner file keeps two manifests from ever sharing one and planton out of directories it did
// not create.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import { makeDirectory } from '../files/make-dir.js';

export const ROOT_MODULE_FILE = 'main.tf.json';
export const TFVARS_FILE = 'terraform.tfvars.json';
export const OWNER_FILE = '.planton-owner.json';

/** Where the manifest came from: a file, or a pointer inside a stack input (`/target`). */
export interface ManifestSource {
  file: string;
  at?: string;
}

/** `--local` keeps DynamoDB Local's data in <manifest dir>/.planton/local-dynamodb/. */
export const LOCAL_DATA_DIR_NAME = 'local-dynamodb';

export function defaultWorkDir(manifestFile: string, tableName: string): string {
  // A real table may be called local-dynamodb too; `~` is never in a table name, so this cannot clash.
  const name = tableName === LOCAL_DATA_DIR_NAME ? `${tableName}~table` : tableName;
  return join(dirname(resolve(manifestFile)), '.planton', name);
}

function ownerId(workDir: string, source: ManifestSource): { manifest: string; at: string } {
  // Relative to the work directory, so moving the whole project keeps its work directories.
  return { manifest: relative(workDir, resolve(source.file)), at: source.at ?? '' };
}

function describeOwner(o: { manifest: string; at: string }): string {
  return o.at ? `${o.manifest}#${o.at}` : o.manifest;
}

/** How many names a refusal lists before "and N more". */
const NAMES_SHOWN = 5;

/**
 * Creates the work directory if needed and records which manifest owns it. planton writes only into
 * directories it created: one that exists, is not empty and has no owner file is someone else's (their
 * main.tf would be merged into the root module, their state planned and destroyed), so it is refused.
 * A directory owned by another manifest is an error too: sharing it would make one manifest plan
 * against the other's state.
 */
export function claimWorkDir(workDir: string, source: ManifestSource): void {
  const entries = entriesOf(workDir);
  if (entries === undefined) {
    try {
      makeDirectory(workDir);
    } catch (err) {
      throw new EnvironmentError(`cannot create the work directory ${workDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'Pass --workdir DIR to put it somewhere writable.');
    }
  } else if (entries.length > 0 && !entries.includes(OWNER_FILE)) {
    throw new UsageError(
      `work directory ${workDir} is not planton's: it holds ${listNames(workDir, entries)}, but no ${OWNER_FILE}; planton writes only into work directories it created`,
      'Pass --workdir with a new or empty directory; nothing in this one was changed.',
    );
  }
  const ownerPath = join(workDir, OWNER_FILE);
  const mine = ownerId(workDir, source);
  if (existsSync(ownerPath)) {
    let theirs: { manifest?: string; at?: string } = {};
    try {
      theirs = JSON.parse(readFileSync(ownerPath, 'utf8')) as typeof theirs;
    } catch {
      // An unreadable owner file is still planton's: it is written again below.
    }
    if (theirs.manifest !== undefined) {
      const other = { manifest: theirs.manifest, at: theirs.at ?? '' };
      if (other.manifest !== mine.manifest || other.at !== mine.at) {
        throw new UsageError(
          `work directory ${workDir} belongs to another manifest (${resolve(workDir, other.manifest)}${other.at ? '#' + other.at : ''}); ` +
            `two manifests for the same table would share one state`,
          `Give this manifest another table name or pass --workdir DIR; if the manifest was moved or renamed, edit ${ownerPath} to name ${describeOwner(mine)}.`,
        );
      }
      return;
    }
  }
  try {
    writeFileSync(ownerPath, JSON.stringify(mine, null, 2) + '\n');
  } catch (err) {
    throw new EnvironmentError(`cannot write in the work directory ${workDir}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'Pass --workdir DIR to put it somewhere writable.');
  }
  // Provider binaries and plan files (which hold every planned value) do not belong in version control.
  writeIfChanged(join(workDir, '.gitignore'), '.terraform/\n*.tfplan\n');
}

/** The directory's entries, or undefined when there is nothing at that path yet. */
function entriesOf(workDir: string): string[] | undefined {
  try {
    return readdirSync(workDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Missing, or below a file: creating it says why it cannot be made.
    if (code === 'ENOENT' || (code === 'ENOTDIR' && !existsSync(workDir))) return undefined;
    const why = code === 'ENOTDIR' ? 'it is a file, not a directory' : code ?? String(err);
    throw new UsageError(`cannot use ${workDir} as the work directory: ${why}`, 'Pass --workdir with a new or empty directory.');
  }
}

/** `a, b/, c and 7 more`: sorted, directories marked with a slash. */
function listNames(dir: string, names: string[]): string {
  const shown = [...names]
    .sort()
    .slice(0, NAMES_SHOWN)
    .map((n) => (isDirectory(join(dir, n)) ? `${n}/` : n));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes only when the content differs, so unchanged inputs keep their mtime and plan hashes. */
export function writeIfChanged(path: string, content: string): boolean {
  try {
    if (readFileSync(path, 'utf8') === content) return false;
  } catch {
    // Missing: write it.
  }
  writeFileSync(path, content);
  return true;
}

export function writeRootModule(workDir: string, rootModule: object, tfvars: Record<string, unknown>, stableJson: (v: unknown) => string): void {
  writeIfChanged(join(workDir, ROOT_MODULE_FILE), JSON.stringify(rootModule, null, 2) + '\n');
  writeIfChanged(join(workDir, TFVARS_FILE), ensureNewline(stableJson(tfvars)));
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n';
}

/**
 * Sibling work directories this same manifest owns whose state still holds resources: the table was
 * renamed (each table name has its own directory), and the old table is still there, with its items.
 */
export function earlierTablesOf(workDir: string, source: ManifestSource): string[] {
  const parent = dirname(workDir);
  let names: string[] = [];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names.sort()) {
    const dir = join(parent, name);
    if (dir === workDir) continue;
    try {
      const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as { manifest?: string; at?: string };
      const mine = ownerId(dir, source);
      if (owner.manifest !== mine.manifest || (owner.at ?? '') !== mine.at) continue;
      const state = JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')) as { resources?: unknown[] };
      if ((state.resources ?? []).length > 0) found.push(dir);
    } catch {
      // Not a planton work directory, or no state: nothing left behind there.
    }
  }
  return found;
}
