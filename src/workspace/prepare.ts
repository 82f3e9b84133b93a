// Writes the work directory of one run: the root module around the module (with an import block when a
// table is adopted or a create was interrupted) and the tfvars, after checking that the directory
// belongs to this manifest.
import { join, resolve } from 'node:path';
import { colors } from '../terminal/color.js';
import { EnvironmentError } from '../errors.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import type { Io } from '../io.js';
import { tfModuleDir } from '../files/paths.js';
import { shellQuote } from '../terminal/shell-quote.js';
import { stableJson, tableName as tableNameOf, toTfvars } from '../tfvars/index.js';
import type { AwsSettings } from '../tofu/env.js';
import { damagedStateMessage } from '../tofu/state-file.js';
import { TABLE_ADDRESS, withAdoption } from './adopt.js';
import { CREATE_INTENT_FILE, pendingCreate } from './create-intent.js';
import { renderProvider } from './provider.js';
import { conditionalImport, moduleOutputNames, renderRootModule, type BackendSpec } from './root-module.js';
import { claimWorkDir, defaultWorkDir, earlierTablesOf, writeRootModule } from './workdir.js';

export interface WorkspaceInput {
  manifest: AwsDynamodb;
  manifestFile: string;
  at?: string;
  aws: AwsSettings;
  backend: BackendSpec;
  /** --workdir as given, resolved against `cwd`. */
  workdir?: string;
  cwd: string;
  /** Where the work directory goes when --workdir is absent. */
  workDirBase?: string;
  /** A checked --module-dir, else the bundled module. */
  moduleDir?: string;
  tfvarsOverrides?: Record<string, unknown>;
  /** apply/plan --adopt: take an existing table of this name into state. */
  adopt: boolean;
  /** plan or apply: the runs that build a table (and so recover an interrupted create, warn about renames). */
  planning: boolean;
}

export interface Workspace {
  workDir: string;
  tableName: string;
  moduleDir: string;
  /** The root module as written (its terraform block is part of the init fingerprint). */
  root: { terraform: { required_providers: unknown; backend: unknown } };
}

export function prepareWorkspace(w: WorkspaceInput, out: Io, color: boolean): Workspace {
  const tableName = tableNameOf(w.manifest);
  const workDir = w.workdir !== undefined ? resolve(w.cwd, w.workdir) : w.workDirBase ? join(w.workDirBase, tableName) : defaultWorkDir(w.manifestFile, tableName);
  // First: a directory planton did not create is refused before anything in it is read or written.
  const owner = { file: w.manifestFile, at: w.at };
  claimWorkDir(workDir, owner);
  // terraform would report a state it cannot parse as a lock held by another run (state-file.ts).
  const damaged = w.backend.type === 'local' ? damagedStateMessage(workDir) : undefined;
  if (damaged) throw new EnvironmentError(damaged.message, damaged.hint);
  const tfvars = { ...(toTfvars(w.manifest) as unknown as Record<string, unknown>), ...w.tfvarsOverrides };
  const moduleDir = w.moduleDir ?? tfModuleDir;
  const rendered = renderRootModule({
    moduleDir,
    variableNames: Object.keys(tfvars),
    outputNames: moduleOutputNames(moduleDir),
    provider: renderProvider({ region: w.aws.region, endpoint: w.aws.endpoint }),
    backend: w.backend,
  });
  // apply --adopt: an import {} block takes an existing table of this name into state (adopt.ts).
  // After an interrupted create of this table: the same, but only if the table exists (create-intent.ts).
  const recovering = !w.adopt && w.planning && pendingCreate(workDir, tableName);
  const adopted = w.adopt ? withAdoption(rendered, tableName) : recovering ? { ...rendered, import: conditionalImport(TABLE_ADDRESS) } : rendered;
  const root = adopted as Workspace['root'];
  if (recovering) {
    out.stderr(
      `planton: an earlier apply was interrupted while creating table '${tableName}' (${join(workDir, CREATE_INTENT_FILE)}); ` +
        'if the table exists, this run takes it into state instead of creating it again\n',
    );
  }
  writeRootModule(workDir, root, tfvars, stableJson);
  if (w.workdir === undefined && w.planning) {
    for (const old of earlierTablesOf(workDir, owner)) {
      out.stderr(
        colors(color).yellow(
          `planton: warning: this manifest also manages ${old} (an earlier table name, still in its state). A rename creates a new table beside the old one, which keeps its items; ` +
            `delete it with \`planton tofu destroy --workdir ${shellQuote(old)}\` (same manifest and stack input) once its data is moved.`,
        ) + '\n',
      );
    }
  }
  return { workDir, tableName, moduleDir, root };
}
