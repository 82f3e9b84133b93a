// A scratch work directory: a root module that only reads (planton import, planton drift), initialised
// once, removed afterwards. Kept apart from the manifests' work directories: no state is kept, nothing
// is applied, no owner file is needed because nothing outlives the run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import { ROOT_MODULE_FILE } from './workdir.js';

export interface Scratch {
  dir: string;
  /** Writes the root module: the provider block and `body` (resources, imports, data sources). */
  write(body: object): void;
  /** Runs a tofu command there, its output held in the returned log (masked when shown). */
  run(args: string[], opts?: { capture?: boolean }): Promise<{ exitCode: number; interrupted: boolean; stdout: string; log: string }>;
  remove(): void;
}

export interface ScratchInput {
  /** What the directory is for, in its `//` comment and its name (`planton-<purpose>-…`). */
  purpose: string;
  provider: object;
  binary: string;
  pluginDir?: string;
  /** The child's environment (credentials only here). */
  env: Record<string, string>;
  mask: RunContext['mask'];
  /** tofu's messages when init fails (held back while it succeeds). */
  stderr: (text: string) => void;
}

/** Makes the directory, writes an empty root module and runs init once (no backend: nothing is kept). */
export async function openScratch(i: ScratchInput): Promise<Scratch> {
  const dir = mkdtempSync(join(tmpdir(), `planton-${i.purpose}-`));
  let log = '';
  const ctx: RunContext = { binary: i.binary, cwd: dir, env: i.env, mask: i.mask, stdout: (t) => void (log += t), stderr: (t) => void (log += t) };
  const scratch: Scratch = {
    dir,
    write(body) {
      const root = {
        '//': `Scratch module of planton (${i.purpose}): reads live tables, applies nothing. No credentials here.`,
        terraform: { required_providers: { aws: { source: 'hashicorp/aws' } } },
        provider: { aws: i.provider },
        ...body,
      };
      writeFileSync(join(dir, ROOT_MODULE_FILE), JSON.stringify(root, null, 2));
    },
    async run(args, opts) {
      log = '';
      const r = await runTofu(ctx, args, opts);
      return { ...r, log };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    scratch.write({});
    const plugin = i.pluginDir ? [`-plugin-dir=${resolve(i.pluginDir)}`] : [];
    const r = await scratch.run(['init', '-input=false', '-no-color', '-backend=false', ...plugin]);
    if (r.exitCode !== 0) {
      i.stderr(i.mask(r.log));
      throw new EnvironmentError('could not read the live tables: terraform init failed in a scratch directory (its messages are above)', 'Offline? Pass --plugin-dir or set PLANTON_PLUGIN_DIR.');
    }
    return scratch;
  } catch (err) {
    scratch.remove();
    throw err;
  }
}
