// The argument layer: declares commands and options, normalises them, then lazily imports the command
// so that `planton validate` never loads anything tofu-related. No logic lives here.
//
// Every option, and which command takes it, is a row of the one table in commands/options.ts: this
// file turns a command's column into commander's options and commander's answer into the command's
// typed options. A command accepts and lists exactly its column, so `planton tofu output --auto-approve`
// is a usage error rather than a silently ignored flag.
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { optionHint } from './commands/option-hints.js';
import { packageRoot } from './files/paths.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import {
  FLAGS,
  OPTIONS,
  optionValues,
  TOFU_FLAGS,
  TOFU_OPS,
  TOFU_OPTION_NAMES,
  type CommandName,
  type OptionName,
  type OptionRow,
  type OptionsOf,
  type TofuCommand,
  type TofuOp,
} from './commands/options.js';

export { TOFU_FLAGS };

/** Top-level commands that are `planton tofu <op>` under Project Planton's unified names. */
export const UNIFIED_OPS = TOFU_OPS;

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

// Repeatable options start undefined (so help shows no "(default: [])"); optionValues fills in [].
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The commander option of a row, worded for `command`. */
function commanderOption(name: OptionName, command: CommandName): Option {
  const row: OptionRow = OPTIONS[name];
  const option = new Option(row.flags, row.helpIn?.[command] ?? row.help);
  if (row.kind === 'list') option.argParser(collect);
  // A choice's default is applied by commander, so help shows it, as it always has.
  if (row.kind === 'choice' && row.choices) option.choices(row.choices).default(row.default);
  if (row.hidden) option.hideHelp();
  if (row.required) option.makeOptionMandatory();
  return option;
}

/**
 * Declares the command's column on `cmd` and returns how to read its typed options from commander's
 * answer: those of `wanted` (default the column), each one the command line did not give at its default.
 */
function declare<N extends OptionName>(cmd: Command, command: CommandName, names: readonly N[]): (raw: Record<string, unknown>, wanted?: readonly N[]) => OptionsOf<N> {
  const options = new Map<OptionName, Option>();
  for (const name of names) {
    const option = commanderOption(name, command);
    options.set(name, option);
    cmd.addOption(option);
  }
  const attribute = (name: OptionName) => options.get(name)?.attributeName();
  return (raw, wanted = names) =>
    optionValues(wanted, (name) => {
      const key = attribute(name);
      return key === undefined ? undefined : raw[key];
    });
}

const TOFU_DESCRIPTIONS: Record<TofuCommand, string> = {
  init: 'prepare the work directory (runs only when needed)',
  plan: 'show what apply would change, in tofu terms and in manifest terms; saves the plan for apply',
  apply: 'create or update the table, then print its outputs',
  destroy: 'delete the table and everything the module made (the state file is kept)',
  refresh: 'update state from the live table',
  output: 'print the outputs (table_name, table_arn, ...)',
  'load-tfvars': 'print the tfvars JSON generated from the manifest (no tofu, no credentials)',
};

const TOFU_EXAMPLES: Record<TofuCommand, string[]> = {
  init: ['planton tofu init --local'],
  plan: [
    'planton tofu plan --local',
    'planton tofu plan -s hack/stack-input.yaml --detailed-exitcode --json > plan.json',
    'planton plan --kustomize-dir hack/kustomize --overlay prod -s hack/stack-input.yaml',
  ],
  apply: ['planton tofu apply --local --auto-approve', 'planton tofu apply -m hack/orders.yaml -s hack/stack-input.yaml --adopt'],
  destroy: ['planton tofu destroy --local --auto-approve'],
  refresh: ['planton tofu refresh -s hack/stack-input.yaml'],
  output: ['planton tofu output --local', 'planton tofu output --local --json'],
  'load-tfvars': ['planton tofu load-tfvars -m hack/examples/products.yaml'],
};

const ENVIRONMENT = [
  'Environment:',
  '  PLANTON_TOFU_BIN    tofu or terraform binary to run (after --binary, before PATH)',
  '  PLANTON_PLUGIN_DIR  offline provider directory for init (same as --plugin-dir)',
  '  AWS_REGION          region when no stack input gives one',
  '  NO_COLOR            a non-empty value turns colours off',
  '  FORCE_COLOR         a non-empty value other than 0 turns colours on, even into a pipe',
  '  PLANTON_DEBUG       print the stack of an internal error',
  '  PLANTON_ASK_TOFU    1: read plans and outputs with tofu show/output instead of from the files',
];

function examples(lines: string[]): string {
  return ['', 'Examples:', ...lines.map((l) => `  $ ${l}`)].join('\n') + '\n';
}

/** Builds the program; `done` receives the chosen command's exit code. */
export function buildProgram(io: Io, done: (code: number) => void, argv: string[] = []): Command {
  const program = new Command('planton')
    .description('Turn one AwsDynamodb manifest into a real DynamoDB table with OpenTofu or Terraform.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        'planton validate hack/examples/          # every manifest in a directory',
        'planton tofu plan --local                # plan against DynamoDB Local',
        'planton tofu apply --local --auto-approve',
        'planton help tofu apply                  # one command\'s flags',
      ]) + ['', ...ENVIRONMENT].join('\n') + '\n',
    );
  explainErrors(program, io);
  // Subcommands print help and errors the same way and never call process.exit.
  const sub = (parent: Command, name: string) => explainErrors(parent.command(name).exitOverride(), io);

  const validateCmd = sub(program, 'validate')
    .description('check manifests against the schema and every pre-flight rule; nothing is run. Exits 1 if any is invalid')
    .argument('[files...]', 'manifest files, directories (their *.yaml and *.yml files) or quoted globs');
  const validateOpts = declare(validateCmd, 'validate', FLAGS.validate);
  validateCmd
    .addHelpText('after', examples(['planton validate', 'planton validate hack/examples/ hack/orders.yaml', "planton validate 'manifests/**/*.yaml' --json"]))
    .action(async (files: string[], raw: Record<string, unknown>) => {
      const { validate } = await import('./commands/validate.js');
      const opts = validateOpts(raw);
      const paths = [...opts.manifest, ...((raw.f as string[] | undefined) ?? []), ...files];
      done(await validate({ paths, format: opts.json ? 'json' : opts.format, set: opts.set, kustomizeDir: opts.kustomizeDir, overlay: opts.overlay }, io));
    });

  const schemaCmd = sub(program, 'schema').description('print the JSON Schema of the manifest (or of the stack input)');
  const schemaOpts = declare(schemaCmd, 'schema', FLAGS.schema);
  schemaCmd.addHelpText('after', examples(['planton schema > aws-dynamodb.schema.json'])).action(async (raw: Record<string, unknown>) => {
    const { schema } = await import('./commands/schema.js');
    done(await schema(schemaOpts(raw), io));
  });

  const tofu = sub(program, 'tofu')
    .description('run OpenTofu (or Terraform) against the bundled module for a manifest')
    .addHelpText('after', ['', ...ENVIRONMENT].join('\n') + '\n');
  // `planton apply` is `planton tofu apply`: the same options, the same code.
  const opsOf = (parent: Command): readonly TofuOp[] => (parent === tofu ? TOFU_OPS : UNIFIED_OPS);
  for (const parent of [tofu, program]) {
    for (const op of opsOf(parent)) {
      const cmd = sub(parent, op).description(parent === tofu ? TOFU_DESCRIPTIONS[op] : `${TOFU_DESCRIPTIONS[op]} (same as planton tofu ${op})`);
      const opOpts = declare<(typeof TOFU_OPTION_NAMES)[number]>(cmd, op, TOFU_FLAGS[op]);
      cmd.addHelpText('after', examples(TOFU_EXAMPLES[op]) + ['', ...ENVIRONMENT].join('\n') + '\n');
      cmd.action(async (raw: Record<string, unknown>) => {
        const { tofu: run } = await import('./commands/tofu.js');
        // Every operation gets every tofu option, its own from the command line and the others at their defaults.
        done(await run(op, { ...opOpts(raw, TOFU_OPTION_NAMES), ...manifestFlag(raw), invocation: argv }, io));
      });
    }
  }
  const loadTfvarsCmd = sub(tofu, 'load-tfvars').description(TOFU_DESCRIPTIONS['load-tfvars']);
  const loadTfvarsOpts = declare(loadTfvarsCmd, 'load-tfvars', FLAGS['load-tfvars']);
  loadTfvarsCmd.addHelpText('after', examples(TOFU_EXAMPLES['load-tfvars'])).action(async (raw: Record<string, unknown>) => {
    const { loadTfvars: run } = await import('./commands/load-tfvars.js');
    done(await run({ ...loadTfvarsOpts(raw), ...manifestFlag(raw) }, io));
  });

  const loadManifestCmd = sub(program, 'load-manifest').description('print the effective manifest: schema defaults, --set and the overlay applied');
  const loadManifestOpts = declare(loadManifestCmd, 'load-manifest', FLAGS['load-manifest']);
  loadManifestCmd
    .addHelpText('after', examples(['planton load-manifest --kustomize-dir hack/kustomize --overlay prod', 'planton load-manifest -f hack/manifest.yaml --json']))
    .action(async (raw: Record<string, unknown>) => {
      const { loadManifestCommand } = await import('./commands/load-manifest.js');
      done(await loadManifestCommand({ ...loadManifestOpts(raw), ...manifestFlag(raw) }, io));
    });

  const importCmd = sub(program, 'import').description('write a manifest for an existing table');
  const importOpts = declare(importCmd, 'import', FLAGS.import);
  importCmd
    .addHelpText('after', examples(['planton import --table orders -s hack/stack-input.yaml --out hack/orders.yaml', 'planton import --table orders --local --out hack/orders.yaml']))
    .action(async (raw: Record<string, unknown>) => {
      const { importTable } = await import('./commands/import.js');
      done(await importTable(importOpts(raw), io));
    });

  const local = sub(program, 'local').description('run DynamoDB Local in the foreground, for the AWS CLI or SDK (Ctrl-C stops it)');
  const startCmd = sub(local, 'start').description('start DynamoDB Local on the data directory `--local` uses for a manifest, and keep it up until Ctrl-C');
  const startOpts = declare(startCmd, 'local start', FLAGS['local start']);
  startCmd
    .addHelpText('after', examples(['planton local start', 'aws dynamodb list-tables --endpoint-url http://127.0.0.1:PORT   # in another terminal']))
    .action(async (raw: Record<string, unknown>) => {
      const { localStart } = await import('./commands/local.js');
      done(await localStart(startOpts(raw), io));
    });

  return program;
}

/** The words after `planton` that name `cmd` (`tofu apply`), empty for planton itself. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Help and errors go to io; a usage error names the help to read (`planton help tofu apply`) and,
 * for a terraform-style flag, the planton option to use instead (option-hints.ts).
 */
function explainErrors(cmd: Command, io: Io): Command {
  const path = commandPath(cmd);
  return cmd.showHelpAfterError(`(run planton help${path ? ' ' + path : ''} for usage)`).configureOutput({
    writeOut: io.stdout,
    writeErr: io.stderr,
    outputError: (text, write) => {
      write(text);
      const flag = /^error: unknown option '([^']+)'/.exec(text)?.[1];
      const hint = flag === undefined ? undefined : optionHint(flag, cmd.options.map((o) => o.long ?? ''));
      if (hint) write(`  ${hint}\n`);
    },
  });
}

/** Folds -f into --manifest; both at once is a usage error rather than a silent pick. */
function manifestFlag(raw: Record<string, unknown>): { manifest?: string } {
  const { manifest, f } = raw as { manifest?: string; f?: string };
  if (f !== undefined && manifest !== undefined) throw new UsageError('-f and --manifest both name the manifest; give one');
  return { manifest: manifest ?? f };
}
