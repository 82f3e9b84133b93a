// What a tofu operation is told by the command line: shared by the argument layer (cli.ts), which
// fills it, and the command (commands/tofu.ts), which reads it, so neither imports the other.

/** The operations that run tofu. */
export const TOFU_OPS = ['init', 'plan', 'apply', 'destroy', 'refresh', 'output'] as const;
export type TofuOp = (typeof TOFU_OPS)[number];

export interface TofuOptions {
  manifest?: string;
  stackInput?: string;
  set: string[];
  autoApprove: boolean;
  local: boolean;
  binary?: string;
  workdir?: string;
  pluginDir?: string;
  color: boolean;
  allowReplace: boolean;
  detailedExitcode: boolean;
  json: boolean;
  adopt: boolean;
  /** Where the manifest comes from besides --manifest (see src/source/). */
  kustomizeDir?: string;
  overlay?: string;
  /** A local copy of the module instead of the bundled one. */
  moduleDir?: string;
  /** plan: a destroy plan, which a following `destroy` applies. */
  destroy: boolean;
  /** Copy the state to a changed backend (init -migrate-state) instead of stopping. */
  migrateState: boolean;
  /** The arguments planton was called with (after `planton`), echoed in hints such as "run … --auto-approve". */
  invocation: string[];
}

export function normaliseTofuOptions(raw: Partial<TofuOptions>): TofuOptions {
  return {
    manifest: raw.manifest,
    stackInput: raw.stackInput,
    set: raw.set ?? [],
    autoApprove: raw.autoApprove ?? false,
    local: raw.local ?? false,
    binary: raw.binary,
    workdir: raw.workdir,
    pluginDir: raw.pluginDir,
    color: raw.color ?? true,
    allowReplace: raw.allowReplace ?? false,
    detailedExitcode: raw.detailedExitcode ?? false,
    json: raw.json ?? false,
    adopt: raw.adopt ?? false,
    kustomizeDir: raw.kustomizeDir,
    overlay: raw.overlay,
    moduleDir: raw.moduleDir,
    destroy: raw.destroy ?? false,
    invocation: raw.invocation ?? [],
    migrateState: raw.migrateState ?? false,
  };
}
