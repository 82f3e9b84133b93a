// The argument layer: declares commands and options, normalises them, then lazily imports the command
// so that `planton validate` never loads anything tofu-related. No logic lives here.
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';
import type { Io } from './io.js';

export const TOFU_OPS = ['init', 'plan', 'apply', 'destroy', 'refresh', 'output', 'load-tfvars'] as const;
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
  migrateState: boolean;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Builds the program; `run` receives the chosen command's exit code. */
export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('planton')
    .description('Turn one AwsDynamodb manifest into a real DynamoDB table with OpenTofu or Terraform.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run planton --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('validate')
    .description('check a manifest against the schema and every pre-flight rule; nothing is run')
    .option('-m, --manifest <path>', 'manifest file', 'hack/manifest.yaml')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--set <path=value>', 'override a manifest field (repeatable)', collect, [])
    .option('--no-color', 'no colours in the report')
    .action(async (opts: { manifest: string; format: 'text' | 'json'; set: string[] }) => {
      const { validate } = await import('./commands/validate.js');
      done(await validate(opts, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the manifest (or of the stack input)')
    .option('--stack-input', 'print the stack-input schema instead', false)
    .action(async (opts: { stackInput: boolean }) => {
      const { schema } = await import('./commands/schema.js');
      done(await schema(opts, io));
    });

  const tofu = program
    .command('tofu')
    .description('run OpenTofu (or Terraform) against the bundled module for a manifest');
  for (const op of TOFU_OPS) {
    const cmd = tofu
      .command(op)
      .description(tofuDescriptions[op])
      .option('-m, --manifest <path>', 'manifest file (default hack/manifest.yaml, or the stack input target)')
      .option('--set <path=value>', 'override a manifest field (repeatable)', collect, []);
    if (op !== 'load-tfvars') {
      cmd
        .option('-s, --stack-input <path>', 'stack input: region, credentials, endpoint, backend')
        .option('--auto-approve', 'apply or destroy without asking', false)
        .option('--local', 'run against a bundled DynamoDB Local on 127.0.0.1', false)
        .addOption(new Option('--binary <name>', 'tofu or terraform binary (default: PLANTON_TOFU_BIN, tofu, terraform)'))
        .option('--workdir <dir>', 'work directory (default <manifest dir>/.planton/<table name>)')
        .option('--plugin-dir <dir>', 'offline provider directory passed to init (default PLANTON_PLUGIN_DIR)')
        .option('--no-color', 'no colours in planton or tofu output')
        .option('--allow-replace', 'let apply replace or delete the table (deletes every item)', false)
        .option('--detailed-exitcode', 'plan: exit 2 when changes are pending, 0 when none', false)
        .option('--json', 'plan/apply/output: print one JSON document on stdout', false)
        .option('--adopt', 'apply: import an existing table of that name into state first', false)
        .option('--migrate-state', 'copy the state to a changed backend (bucket, key, endpoint, type)', false);
    }
    cmd.action(async (raw: Partial<TofuOptions>) => {
      const { tofu: run } = await import('./commands/tofu.js');
      done(await run(op, normaliseTofuOptions(raw), io));
    });
  }

  program
    .command('import')
    .description('write a manifest for an existing table')
    .requiredOption('--table <name>', 'name of the live table')
    .option('-s, --stack-input <path>', 'stack input: region, credentials, endpoint')
    .option('--local', 'read from the bundled DynamoDB Local', false)
    .option('--out <path>', 'write the manifest here instead of stdout')
    .option('--binary <name>', 'tofu or terraform binary')
    .option('--plugin-dir <dir>', 'offline provider directory passed to init')
    .action(async (opts: { table: string; stackInput?: string; local: boolean; out?: string; binary?: string; pluginDir?: string }) => {
      const { importTable } = await import('./commands/import.js');
      done(await importTable(opts, io));
    });

  return program;
}

const tofuDescriptions: Record<TofuOp, string> = {
  init: 'prepare the work directory (runs only when needed)',
  plan: 'show what apply would change, in tofu terms and in manifest terms',
  apply: 'create or update the table',
  destroy: 'delete the table and everything the module made',
  refresh: 'update state from the live table',
  output: 'print the outputs (table_name, table_arn, ...)',
  'load-tfvars': 'print the tfvars JSON generated from the manifest',
};

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
    migrateState: raw.migrateState ?? false,
  };
}
