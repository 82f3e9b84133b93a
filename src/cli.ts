// The argument layer: declares commands and options, normalises them, then lazily imports the command
// so that `planton validate` never loads anything tofu-related. No logic lives here.
//
// Every option is defined once in OPTIONS; which command takes which option is the table TOFU_FLAGS
// (one row per `planton tofu` operation). A command accepts and lists exactly its row, so
// `planton tofu output --auto-approve` is a usage error rather than a silently ignored flag.
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './files/paths.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { normaliseTofuOptions, TOFU_OPS, type TofuOp, type TofuOptions } from './commands/tofu-options.js';

/** Top-level commands that are `planton tofu <op>` under Project Planton's unified names. */
export const UNIFIED_OPS = TOFU_OPS;

/** Everything under `planton tofu`: the operations, and load-tfvars, which prints their input and runs nothing. */
export const TOFU_COMMANDS = [...TOFU_OPS, 'load-tfvars'] as const;
type TofuCommand = (typeof TOFU_COMMANDS)[number];

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

// Repeatable options start undefined (so help shows no "(default: [])"); the command fills in [].
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Every option of the tofu commands, defined once. New options get a row here and a column in TOFU_FLAGS. */
export const OPTIONS = {
  manifest: () => new Option('-m, --manifest <path|url>', 'manifest file, http(s) URL or - for stdin, also -f (default: the stack input target, else hack/manifest.yaml)'),
  f: () => new Option('-f <path|url>', 'same as --manifest (Project Planton\'s spelling)').hideHelp(),
  kustomizeDir: () => new Option('--kustomize-dir <dir>', 'build the manifest with kustomize from DIR/overlays/NAME (with --overlay)'),
  overlay: () => new Option('--overlay <name>', 'the overlay (environment) to build, e.g. dev or prod'),
  moduleDir: () => new Option('--module-dir <dir>', 'run against this local copy of the module instead of the bundled one'),
  migrateState: () => new Option('--migrate-state', 'copy the state to a changed backend (type, bucket, key, region or endpoint)'),
  destroy: () => new Option('--destroy', 'plan the destruction of everything; a following destroy applies that plan'),
  set: () => new Option('--set <path=value>', 'override a manifest field (repeatable)').argParser(collect),
  stackInput: () => new Option('-s, --stack-input <path>', 'stack input: region, credentials, endpoint, backend'),
  autoApprove: () => new Option('--auto-approve', 'do not ask for approval'),
  local: () => new Option('--local', 'run against a bundled DynamoDB Local on 127.0.0.1 (no AWS account)'),
  binary: () => new Option('--binary <name>', 'tofu or terraform binary (default: PLANTON_TOFU_BIN, then tofu, then terraform on PATH)'),
  workdir: () => new Option('--workdir <dir>', 'work directory (default: <manifest dir>/.planton/<table name>)'),
  pluginDir: () => new Option('--plugin-dir <dir>', 'offline provider directory passed to init (default: PLANTON_PLUGIN_DIR)'),
  noColor: () => new Option('--no-color', 'no colours in planton or tofu output'),
  allowReplace: () => new Option('--allow-replace', 'let apply replace or delete the table (deletes every item)'),
  detailedExitcode: () => new Option('--detailed-exitcode', 'exit 2 when changes are pending, 0 when there are none'),
  json: () => new Option('--json', 'print one JSON document on stdout (tofu text goes to stderr)'),
  adopt: () => new Option('--adopt', 'first take an existing table of the same name into state'),
} as const;
export type OptionName = keyof typeof OPTIONS;

/** Where the manifest comes from: every command that reads one takes these. */
const SOURCE: OptionName[] = ['manifest', 'f', 'kustomizeDir', 'overlay', 'set'];

/** What every command that runs tofu takes. */
const RUNS_TOFU: OptionName[] = [...SOURCE, 'stackInput', 'local', 'binary', 'workdir', 'pluginDir', 'moduleDir', 'migrateState', 'noColor'];

/** Which tofu operation takes which option: the one place to look, and to extend. */
export const TOFU_FLAGS: Record<TofuCommand, OptionName[]> = {
  init: RUNS_TOFU,
  plan: [...RUNS_TOFU, 'detailedExitcode', 'json', 'adopt', 'destroy'],
  apply: [...RUNS_TOFU, 'autoApprove', 'allowReplace', 'json', 'adopt'],
  destroy: [...RUNS_TOFU, 'autoApprove'],
  refresh: RUNS_TOFU,
  output: [...RUNS_TOFU, 'json'],
  'load-tfvars': SOURCE,
};

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
];

function examples(lines: string[]): string {
  return ['', 'Examples:', ...lines.map((l) => `  $ ${l}`)].join('\n') + '\n';
}

/** Builds the program; `done` receives the chosen command's exit code. */
export function buildProgram(io: Io, done: (code: number) => void, argv: string[] = []): Command {
  const program = new Command('planton')
    .description('Turn one AwsDynamodb manifest into a real DynamoDB table with OpenTofu or Terraform.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run planton help COMMAND for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
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
  // Subcommands print help and errors the same way and never call process.exit.
  const sub = (parent: Command, name: string) => parent.command(name).configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();

  sub(program, 'validate')
    .description('check manifests against the schema and every pre-flight rule; nothing is run. Exits 1 if any is invalid')
    .argument('[files...]', 'manifest files, directories (their *.yaml and *.yml files) or quoted globs')
    .option('-m, --manifest <path|url>', 'a manifest file, http(s) URL or - for stdin (repeatable, also -f; default hack/manifest.yaml when no file is given)', collect)
    .addOption(OPTIONS.f().argParser(collect))
    .addOption(OPTIONS.kustomizeDir())
    .addOption(OPTIONS.overlay())
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--json', 'the same as --format json')
    .option('--set <path=value>', 'override a manifest field in every file (repeatable)', collect)
    .option('--no-color', 'no colours in the report')
    .addHelpText('after', examples(['planton validate', 'planton validate hack/examples/ hack/orders.yaml', "planton validate 'manifests/**/*.yaml' --json"]))
    .action(async (files: string[], opts: { manifest?: string[]; f?: string[]; format: 'text' | 'json'; json?: boolean; set?: string[] } & SourceFlags) => {
      const { validate } = await import('./commands/validate.js');
      const paths = [...(opts.manifest ?? []), ...(opts.f ?? []), ...files];
      done(await validate({ paths, format: opts.json ? 'json' : opts.format, set: opts.set ?? [], kustomizeDir: opts.kustomizeDir, overlay: opts.overlay }, io));
    });

  sub(program, 'schema')
    .description('print the JSON Schema of the manifest (or of the stack input)')
    .option('--stack-input', 'print the stack-input schema instead')
    .addHelpText('after', examples(['planton schema > aws-dynamodb.schema.json']))
    .action(async (opts: { stackInput?: boolean }) => {
      const { schema } = await import('./commands/schema.js');
      done(await schema({ stackInput: opts.stackInput === true }, io));
    });

  const tofu = sub(program, 'tofu')
    .description('run OpenTofu (or Terraform) against the bundled module for a manifest')
    .addHelpText('after', ['', ...ENVIRONMENT].join('\n') + '\n');
  // `planton apply` is `planton tofu apply`: the same options, the same code.
  const opsOf = (parent: Command): readonly TofuOp[] => (parent === tofu ? TOFU_OPS : UNIFIED_OPS);
  for (const parent of [tofu, program]) {
    for (const op of opsOf(parent)) {
      const cmd = sub(parent, op).description(parent === tofu ? TOFU_DESCRIPTIONS[op] : `${TOFU_DESCRIPTIONS[op]} (same as planton tofu ${op})`);
      for (const name of TOFU_FLAGS[op]) cmd.addOption(OPTIONS[name]());
      cmd.addHelpText('after', examples(TOFU_EXAMPLES[op]) + ['', ...ENVIRONMENT].join('\n') + '\n');
      cmd.action(async (raw: Partial<TofuOptions> & { f?: string }) => {
        const { tofu: run } = await import('./commands/tofu.js');
        done(await run(op, normaliseTofuOptions({ ...raw, ...manifestFlag(raw), invocation: argv }), io));
      });
    }
  }
  const loadTfvars = sub(tofu, 'load-tfvars').description(TOFU_DESCRIPTIONS['load-tfvars']);
  for (const name of TOFU_FLAGS['load-tfvars']) loadTfvars.addOption(OPTIONS[name]());
  loadTfvars
    .addHelpText('after', examples(TOFU_EXAMPLES['load-tfvars']))
    .action(async (opts: { manifest?: string; f?: string; set?: string[] } & SourceFlags) => {
      const { loadTfvars: run } = await import('./commands/load-tfvars.js');
      done(await run({ ...opts, ...manifestFlag(opts), set: opts.set ?? [] }, io));
    });

  const loadManifest = sub(program, 'load-manifest').description('print the effective manifest: schema defaults, --set and the overlay applied');
  for (const name of SOURCE) loadManifest.addOption(OPTIONS[name]());
  loadManifest
    .option('--json', 'print JSON instead of YAML')
    .addHelpText('after', examples(['planton load-manifest --kustomize-dir hack/kustomize --overlay prod', 'planton load-manifest -f hack/manifest.yaml --json']))
    .action(async (opts: { manifest?: string; f?: string; set?: string[]; json?: boolean } & SourceFlags) => {
      const { loadManifestCommand } = await import('./commands/load-manifest.js');
      done(await loadManifestCommand({ ...opts, ...manifestFlag(opts), set: opts.set ?? [], json: opts.json === true }, io));
    });

  sub(program, 'import')
    .description('write a manifest for an existing table')
    .requiredOption('--table <name>', 'name of the live table')
    .option('-s, --stack-input <path>', 'stack input: region, credentials, endpoint')
    .option('--local', 'read from the bundled DynamoDB Local')
    .option('--out <path>', 'write the manifest here instead of stdout')
    .option('--binary <name>', 'tofu or terraform binary')
    .option('--plugin-dir <dir>', 'offline provider directory passed to init')
    .addHelpText('after', examples(['planton import --table orders -s hack/stack-input.yaml --out hack/orders.yaml', 'planton import --table orders --local --out hack/orders.yaml']))
    .action(async (opts: { table: string; stackInput?: string; local?: boolean; out?: string; binary?: string; pluginDir?: string }) => {
      const { importTable } = await import('./commands/import.js');
      done(await importTable({ ...opts, local: opts.local === true }, io));
    });

  const local = sub(program, 'local').description('run DynamoDB Local in the foreground, for the AWS CLI or SDK (Ctrl-C stops it)');
  sub(local, 'start')
    .description('start DynamoDB Local on the data directory `--local` uses for a manifest, and keep it up until Ctrl-C')
    .option('-m, --manifest <path>', 'the manifest whose data directory to serve (default hack/manifest.yaml)')
    .addHelpText('after', examples(['planton local start', 'aws dynamodb list-tables --endpoint-url http://127.0.0.1:PORT   # in another terminal']))
    .action(async (opts: { manifest?: string }) => {
      const { localStart } = await import('./commands/local.js');
      done(await localStart(opts, io));
    });

  return program;
}

interface SourceFlags {
  kustomizeDir?: string;
  overlay?: string;
}

/** Folds -f into --manifest; both at once is a usage error rather than a silent pick. */
function manifestFlag(raw: { manifest?: string; f?: string }): { manifest?: string } {
  if (raw.f !== undefined && raw.manifest !== undefined) throw new UsageError('-f and --manifest both name the manifest; give one');
  return { manifest: raw.manifest ?? raw.f };
}
