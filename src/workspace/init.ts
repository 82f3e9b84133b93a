// `init` only when something it depends on changed (fingerprint.ts), with the backend change it
// needs (backend-change.ts); what it depended on is recorded once init succeeded.
import type { Io } from '../io.js';
import type { TofuBinary } from '../tofu/binary.js';
import { runTofu, type RunContext } from '../tofu/run.js';
import { backendInitArgs } from './backend-change.js';
import { initRecord, initReason, recordInit } from './fingerprint.js';
import type { Workspace } from './prepare.js';

export interface InitInput {
  binary: TofuBinary;
  /** Absolute, or undefined for tofu's own provider download. */
  pluginDir?: string;
  migrateState: boolean;
  /** `planton tofu init` itself: say so when nothing needs doing. */
  asked: boolean;
  noColor: string[];
}

/** The exit code of init, or 0 when it was not needed. */
export async function initWorkspace(ws: Workspace, i: InitInput, ctx: RunContext, out: Io): Promise<number> {
  const { workDir, root } = ws;
  const fingerprint = initRecord({
    moduleDir: ws.moduleDir,
    requiredProviders: root.terraform.required_providers,
    backend: root.terraform.backend,
    binary: { path: i.binary.path, version: i.binary.version },
    pluginDir: i.pluginDir,
  });
  const reason = initReason(workDir, fingerprint);
  if (reason === undefined) {
    if (i.asked) out.stderr(`planton: init not needed: nothing it depends on changed (${workDir}; delete its .terraform/ to force)\n`);
    return 0;
  }
  const backendInit = backendInitArgs(workDir, root.terraform.backend as Record<string, object>, i.migrateState);
  out.stderr(`planton: init in ${workDir}: ${reason}\n`);
  if (backendInit.note) out.stderr(backendInit.note + '\n');
  const args = ['init', '-input=false', ...backendInit.args, ...i.noColor, ...(i.pluginDir ? [`-plugin-dir=${i.pluginDir}`] : [])];
  const r = await runTofu(ctx, args);
  if (r.exitCode !== 0) return r.exitCode;
  const retired = backendInit.afterInit?.();
  if (retired) out.stderr(retired + '\n');
  recordInit(workDir, fingerprint);
  return 0;
}
