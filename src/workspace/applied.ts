// `planton.applied.json`: written in the work directory after every successful apply, it records what
// that apply was made from (root module, tfvars, the module's files, the binary, who the credentials
// are) and the state it left. When all of it still holds and the live table matches the manifest, a
// plan would find nothing to do (live/preflight.ts); anything else means "plan".
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../files/hash.js';
import { stableJson } from '../tfvars/index.js';
import type { AwsSettings } from '../tofu/env.js';
import { moduleFileHashes } from './fingerprint.js';
import type { RenderedWorkspace } from './prepare.js';
import { stateStamp } from './plan-file.js';

export const APPLIED_FILE = 'planton.applied.json';

export interface AppliedInputs {
  /** The root module and tfvars as written (renderWorkspace's objects). */
  root: object;
  tfvars: Record<string, unknown>;
  moduleDir: string;
  /** `path@version`. */
  binary: string;
  /** Region, endpoint kind and who the credentials are (never a secret). */
  identity: string;
  /** DynamoDB Local's endpoint moves with every run: it is left out of the hash. */
  endpoint?: string;
}

export interface AppliedStamp {
  inputs: string;
  /** The state's lineage and serial right after the apply. */
  state: string;
}

export function appliedInputsHash(i: AppliedInputs): string {
  const text = (v: unknown) => (i.endpoint ? JSON.stringify(v).split(i.endpoint).join('<endpoint>') : JSON.stringify(v));
  return sha256(
    JSON.stringify({
      root: text(i.root),
      tfvars: stableJson(i.tfvars),
      module: moduleFileHashes(i.moduleDir),
      binary: i.binary,
      identity: i.identity,
    }),
  );
}

export function writeAppliedStamp(workDir: string, inputs: AppliedInputs): void {
  const stamp: AppliedStamp = { inputs: appliedInputsHash(inputs), state: stateStamp(workDir) };
  writeFileSync(join(workDir, APPLIED_FILE), JSON.stringify(stamp, null, 2) + '\n');
}

export function readAppliedStamp(workDir: string): AppliedStamp | undefined {
  try {
    const s = JSON.parse(readFileSync(join(workDir, APPLIED_FILE), 'utf8')) as Partial<AppliedStamp>;
    return typeof s.inputs === 'string' && typeof s.state === 'string' ? { inputs: s.inputs, state: s.state } : undefined;
  } catch {
    return undefined;
  }
}

/** Before an apply or destroy starts: a run that fails half-way must leave no stamp of the one before. */
export function clearAppliedStamp(workDir: string): void {
  rmSync(join(workDir, APPLIED_FILE), { force: true });
}

/** The stamp's inputs for a run: `local` is --local, whose DynamoDB Local endpoint changes every run. */
export function appliedInputs(w: RenderedWorkspace, aws: AwsSettings, binary: { path: string; version: string }, local: boolean): AppliedInputs {
  const identity = JSON.stringify([aws.region, local ? 'local' : aws.endpoint ?? '', aws.accessKeyId ?? '', aws.profile ?? '']);
  return { root: w.root, tfvars: w.tfvars, moduleDir: w.moduleDir, binary: `${binary.path}@${binary.version}`, identity, ...(local && aws.endpoint ? { endpoint: aws.endpoint } : {}) };
}
