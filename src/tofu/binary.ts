// Which OpenTofu/Terraform binary runs: --binary, else PLANTON_TOFU_BIN, else `tofu` on PATH, else
// `terraform` on PATH. The choice is pure (tested without a binary); probing the version runs it once.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import { EnvironmentError, UsageError } from '../errors.js';

export interface TofuBinary {
  /** 'tofu' or 'terraform', from the binary's own version line. */
  name: 'tofu' | 'terraform';
  path: string;
  version: string;
}

export interface BinaryChoice {
  path: string;
  /** Where the choice came from, for the error message when it is unusable. */
  source: '--binary' | 'PLANTON_TOFU_BIN' | 'PATH';
}

export const INSTALL_HINT =
  'Install OpenTofu (https://opentofu.org/docs/intro/install/) or Terraform (https://developer.hashicorp.com/terraform/install), ' +
  'or name the binary with --binary PATH or PLANTON_TOFU_BIN.';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `which`: the first executable `cmd` in PATH, or undefined. */
export function findOnPath(cmd: string, pathVar: string | undefined, isExec = isExecutableFile): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, cmd);
    if (isExec(candidate)) return candidate;
  }
  return undefined;
}

/** A name (looked up on PATH) or a path (relative to cwd) → an executable path, or undefined. */
function resolveNamed(value: string, cwd: string, pathVar: string | undefined, isExec: (p: string) => boolean): string | undefined {
  if (value.includes('/')) {
    const full = isAbsolute(value) ? value : resolve(cwd, value);
    return isExec(full) ? full : undefined;
  }
  return findOnPath(value, pathVar, isExec);
}

export function chooseBinary(
  opts: { flag?: string; env: NodeJS.ProcessEnv; cwd: string },
  isExec: (path: string) => boolean = isExecutableFile,
): BinaryChoice {
  const pathVar = opts.env.PATH;
  const explicit: [string | undefined, BinaryChoice['source']][] = [
    [opts.flag, '--binary'],
    [opts.env.PLANTON_TOFU_BIN, 'PLANTON_TOFU_BIN'],
  ];
  for (const [value, source] of explicit) {
    if (value === undefined || value === '') continue;
    // An explicit choice that does not exist is an error, never a silent fallback to another binary.
    const path = resolveNamed(value, opts.cwd, pathVar, isExec);
    if (!path) throw new UsageError(`${source} names '${value}', which is not an executable file or a command on PATH`, INSTALL_HINT);
    return { path, source };
  }
  for (const name of ['tofu', 'terraform']) {
    const path = findOnPath(name, pathVar, isExec);
    if (path) return { path, source: 'PATH' };
  }
  throw new EnvironmentError('neither tofu nor terraform was found on PATH', INSTALL_HINT);
}

/** `Terraform v1.11.4` / `OpenTofu v1.8.0` (first line of `version`) → name and version. */
export function parseVersionLine(text: string): { name: TofuBinary['name']; version: string } | undefined {
  const m = /^(Terraform|OpenTofu) v(\S+)/m.exec(text);
  if (!m) return undefined;
  return { name: m[1] === 'OpenTofu' ? 'tofu' : 'terraform', version: m[2]! };
}

/** Runs `<binary> version` once (no network: CHECKPOINT_DISABLE) and names what it found. */
export async function probeBinary(choice: BinaryChoice, env: NodeJS.ProcessEnv): Promise<TofuBinary> {
  const result = await execa(choice.path, ['version'], {
    env: { ...env, CHECKPOINT_DISABLE: '1' },
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: 30_000,
  });
  const parsed = parseVersionLine(String(result.stdout ?? ''));
  if (!parsed) {
    throw new EnvironmentError(`${choice.path} (from ${choice.source}) is not OpenTofu or Terraform: \`version\` did not print "OpenTofu vX" or "Terraform vX"`, INSTALL_HINT);
  }
  return { ...parsed, path: choice.path };
}

export function describeBinary(b: TofuBinary): string {
  return `planton: using ${b.name} ${b.version} (${b.path})`;
}
