// Many manifests applied in ONE root module, each exactly as `planton tofu apply --local` would apply it:
// a provider start is paid per terraform command, not per resource, so one init/apply/plan covers them all.
//
// Each manifest goes through planton's own chain: loadManifest (region us-east-1, as --local), the
// --local adjustment and session (adjustForLocal, localSession), then renderWorkspace, which builds the
// tfvars (toTfvars plus --local's overrides) and the generated root module (provider with the endpoint,
// the live-table lookups, one `module "dynamodb"`). That generated root becomes a child module
// `<dir>/<example>/` as it is, minus the backend and provider blocks, which only a root may hold: the root
// holds them once (the provider is the same for every example) and passes each child its tfvars.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { AwsDynamodb } from '../../src/generated/manifest.js';
import { adjustForLocal } from '../../src/local/adjust.js';
import { loadManifest } from '../../src/manifest/index.js';
import { localSession } from '../../src/session/local.js';
import { buildChildEnv } from '../../src/tofu/env.js';
import { renderWorkspace } from '../../src/workspace/prepare.js';
import { escapeTemplates } from './hcl-json.js';
import { tofuBinary } from './tofu-binary.js';

export interface LocalExample {
  /** The module block's name: the manifest's file name without `.yaml`. */
  name: string;
  /** The manifest as loaded, before the --local adjustment. */
  manifest: AwsDynamodb;
  tableName: string;
}

export interface TofuResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LocalExamplesRoot {
  dir: string;
  examples: LocalExample[];
  /** Runs terraform/tofu in the root with the environment planton gives it under --local. */
  tofu(args: string[]): Promise<TofuResult>;
}

interface GeneratedRoot {
  terraform: { required_providers: unknown; backend: unknown };
  provider: { aws: unknown };
  [block: string]: unknown;
}

/**
 * Writes the root into `dir` (a test's temporary directory: created here) for the manifests `files`
 * (module name → path), against DynamoDB Local at `endpoint`, runs `fn` on it, and removes `dir` (state,
 * .terraform/, plan files) whatever happens.
 */
export async function withLocalExamplesRoot<T>(dir: string, files: Record<string, string>, endpoint: string, fn: (root: LocalExamplesRoot) => Promise<T>): Promise<T> {
  try {
    return await fn(await writeRoot(dir, files, endpoint));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function writeRoot(dir: string, files: Record<string, string>, endpoint: string): Promise<LocalExamplesRoot> {
  if (!tofuBinary) throw new Error('neither tofu nor terraform is on PATH');
  const binary = tofuBinary;
  mkdirSync(dir, { recursive: true });
  const examples: LocalExample[] = [];
  const modules: Record<string, object> = {};
  let shared: { root: GeneratedRoot; provider: string; env: Record<string, string> } | undefined;
  for (const [name, file] of Object.entries(files)) {
    const { result, manifest } = await loadManifest({ file, region: 'us-east-1' });
    if (!manifest || result.status !== 'valid') throw new Error(`${name}: ${file} is invalid: ${JSON.stringify(result.diagnostics)}`);
    const session = localSession({ manifest, manifestFile: file }, adjustForLocal(manifest), endpoint);
    const rendered = renderWorkspace({ ...session, cwd: dir });
    const { terraform, provider, ...rest } = rendered.root as GeneratedRoot;
    shared ??= { root: rendered.root as GeneratedRoot, provider: JSON.stringify(provider), env: buildChildEnv(process.env, session.aws) };
    if (JSON.stringify(provider) !== shared.provider) throw new Error(`${name}: its provider block differs from the others': ${JSON.stringify(provider)}`);
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'main.tf.json'), JSON.stringify({ ...rest, terraform: { required_providers: terraform.required_providers } }, null, 2));
    modules[name] = { source: `./${name}`, ...(escapeTemplates(rendered.tfvars) as object) };
    examples.push({ name, manifest, tableName: rendered.tableName });
  }
  if (!shared) throw new Error('no manifests given');
  const { root, env } = shared;
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ terraform: root.terraform, provider: root.provider, module: modules }, null, 2));
  return {
    dir,
    examples,
    async tofu(args) {
      const r = await execa(binary, args, { cwd: dir, env, extendEnv: false, reject: false, stdin: 'ignore' });
      return { code: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
    },
  };
}

interface PlanJson {
  resource_changes?: { address: string; change: { actions: string[] } }[];
}

/** The examples whose resources a plan (`show -json` of it) still changes, each with its changed addresses. */
export function changedExamples(plan: PlanJson): Map<string, string[]> {
  const changed = new Map<string, string[]>();
  for (const rc of plan.resource_changes ?? []) {
    if (rc.change.actions.every((a) => a === 'no-op')) continue;
    const name = /^module\.([^.]+)\./.exec(rc.address)?.[1] ?? '(root)';
    changed.set(name, [...(changed.get(name) ?? []), `${rc.address} (${rc.change.actions.join(', ')})`]);
  }
  return changed;
}
