// Every option of every command, once: its flags, its help, its kind (which gives its type and its
// default), and which command takes it. The argument layer (cli.ts) declares commander's options from
// these rows and hands each command its options typed and defaulted (`optionValues`); the commands
// import the types from here, so neither imports the other.
//
// To add an option: a row in OPTIONS (its key is the long flag in camelCase, as commander names it;
// where two commands mean different things by one flag, each gets a row and `as` names the typed
// field), then its key in the column of each command that takes it (FLAGS or TOFU_FLAGS). Its type
// and default follow from its kind; nothing else needs writing. See docs/ARCHITECTURE.md "Options".

/** The operations that run tofu. */
export const TOFU_OPS = ['init', 'plan', 'apply', 'destroy', 'refresh', 'output'] as const;
export type TofuOp = (typeof TOFU_OPS)[number];

/** Everything under `planton tofu`: the operations, and load-tfvars, which prints their input and runs nothing. */
export const TOFU_COMMANDS = [...TOFU_OPS, 'load-tfvars'] as const;
export type TofuCommand = (typeof TOFU_COMMANDS)[number];

/** Every command that takes options, by the words that call it (`planton local start`). */
export type CommandName = TofuCommand | 'validate' | 'drift' | 'schema' | 'load-manifest' | 'import' | 'local start';

/**
 * What an option holds, and so its type and default in the typed options:
 * text `<value>` → string or undefined (required: string); list, repeatable → string[], default [];
 * flag → boolean, default false; negated `--no-x` → boolean `x`, default true; choice → one of
 * `choices`, default `default` (which help shows, as commander prints it).
 */
type Kind = 'text' | 'list' | 'flag' | 'negated' | 'choice';

export interface OptionRow {
  kind: Kind;
  /** As commander reads them: `-m, --manifest <path|url>`. */
  flags: string;
  help: string;
  /** The wording where a command means the option a little differently (`--no-color` in validate). */
  helpIn?: Partial<Record<CommandName, string>>;
  /** The typed options' name for it, where it is not the row's key (`--no-color` → `color`). */
  as?: string;
  /** Another spelling, folded into the option it names by cli.ts: commander's key only, never typed. */
  aliasOf?: string;
  hidden?: true;
  required?: true;
  choices?: readonly string[];
  default?: string;
}

type Extra = Omit<Partial<OptionRow>, 'kind' | 'flags' | 'help'>;
const text = <const R extends Extra = {}>(flags: string, help: string, more?: R) => ({ ...(more as R), kind: 'text', flags, help }) as const;
const list = <const R extends Extra = {}>(flags: string, help: string, more?: R) => ({ ...(more as R), kind: 'list', flags, help }) as const;
const flag = <const R extends Extra = {}>(flags: string, help: string, more?: R) => ({ ...(more as R), kind: 'flag', flags, help }) as const;

export const OPTIONS = {
  manifest: text('-m, --manifest <path|url>', 'manifest file, http(s) URL or - for stdin, also -f (default: the stack input target, else hack/manifest.yaml)'),
  f: text('-f <path|url>', "same as --manifest (Project Planton's spelling)", { hidden: true, aliasOf: 'manifest' }),
  // validate takes many manifests; local start takes a file only.
  manifests: list('-m, --manifest <path|url>', 'a manifest file, http(s) URL or - for stdin (repeatable, also -f; default hack/manifest.yaml when no file is given)', { as: 'manifest' }),
  fs: list('-f <path|url>', "same as --manifest (Project Planton's spelling)", { hidden: true, aliasOf: 'manifests' }),
  // plan, apply, destroy and refresh take many: a fleet (docs/fleets.md).
  manifestList: list('-m, --manifest <path|url>', 'a manifest file, directory (its *.yaml and *.yml), quoted glob, http(s) URL or - (repeatable, also -f; default: the stack input target, else hack/manifest.yaml)', { as: 'manifests' }),
  fList: list('-f <path|url>', "same as --manifest (Project Planton's spelling)", { hidden: true, aliasOf: 'manifestList' }),
  parallelism: text('--parallelism <n>', 'how many manifests of a fleet run at once (default: one per core, at most 4)'),
  failFast: flag('--fail-fast', 'once a manifest fails, start no other (those running finish cleanly)'),
  log: flag('--log', "print every manifest's tofu output with a fleet's report (failed runs always show theirs)"),
  reportFormat: { kind: 'choice', flags: '--format <format>', help: 'report format (json and markdown: one document on stdout, tofu text on stderr)', choices: ['text', 'json', 'markdown'], default: 'text', as: 'format' },
  manifestFile: text('-m, --manifest <path>', 'the manifest whose data directory to serve (default hack/manifest.yaml)', { as: 'manifest' }),
  kustomizeDir: text('--kustomize-dir <dir>', 'build the manifest with kustomize from DIR/overlays/NAME (with --overlay)'),
  overlay: text('--overlay <name>', 'the overlay (environment) to build, e.g. dev or prod'),
  set: list('--set <path=value>', 'override a manifest field (repeatable)', { helpIn: { validate: 'override a manifest field in every file (repeatable)' } }),
  moduleDir: text('--module-dir <dir>', 'run against this local copy of the module instead of the bundled one'),
  migrateState: flag('--migrate-state', 'copy the state to a changed backend (type, bucket, key, region or endpoint)'),
  destroy: flag('--destroy', 'plan the destruction of everything; a following destroy applies that plan'),
  stackInput: text('-s, --stack-input <path>', 'stack input: region, credentials, endpoint, backend', { helpIn: { import: 'stack input: region, credentials, endpoint' } }),
  autoApprove: flag('--auto-approve', 'do not ask for approval'),
  local: flag('--local', 'run against a bundled DynamoDB Local on 127.0.0.1 (no AWS account)', { helpIn: { import: 'read from the bundled DynamoDB Local' } }),
  binary: text('--binary <name>', 'tofu or terraform binary (default: PLANTON_TOFU_BIN, then tofu, then terraform on PATH)', { helpIn: { import: 'tofu or terraform binary' } }),
  workdir: text('--workdir <dir>', 'work directory (default: <manifest dir>/.planton/<table name>)'),
  pluginDir: text('--plugin-dir <dir>', 'offline provider directory passed to init (default: PLANTON_PLUGIN_DIR)', { helpIn: { import: 'offline provider directory passed to init' } }),
  noColor: { kind: 'negated', flags: '--no-color', help: 'no colours in planton or tofu output', helpIn: { validate: 'no colours in the report' }, as: 'color' },
  allowReplace: flag('--allow-replace', 'let apply replace or delete the table (deletes every item)'),
  detailedExitcode: flag('--detailed-exitcode', 'exit 2 when changes are pending, 0 when there are none', { helpIn: { drift: 'accepted for scripts written for plan: drift always exits 2 on drift' } }),
  json: flag('--json', 'print one JSON document on stdout (tofu text goes to stderr)', { helpIn: { validate: 'the same as --format json', 'load-manifest': 'print JSON instead of YAML' } }),
  format: { kind: 'choice', flags: '--format <format>', help: 'report format', choices: ['text', 'json'], default: 'text' },
  adopt: flag('--adopt', 'first take an existing table of the same name into state'),
  table: text('--table <name>', 'name of the live table', { required: true }),
  out: text('--out <path>', 'write the manifest here instead of stdout'),
  // `planton schema --stack-input` prints that schema: a switch, not a path.
  stackInputSchema: flag('--stack-input', 'print the stack-input schema instead', { as: 'stackInput' }),
} as const satisfies Record<string, OptionRow>;
export type OptionName = keyof typeof OPTIONS;

/** Where the manifest comes from: every command that reads one takes these. */
const SOURCE = ['manifest', 'f', 'kustomizeDir', 'overlay', 'set'] as const;

/** What every command that runs tofu takes. */
const SESSION = ['stackInput', 'local', 'binary', 'workdir', 'pluginDir', 'moduleDir', 'migrateState', 'noColor'] as const;
const RUNS_TOFU = [...SOURCE, ...SESSION] as const;

/** What the operations that take many manifests (a fleet) take instead of one --manifest. */
const RUNS_FLEET = ['manifestList', 'fList', 'kustomizeDir', 'overlay', 'set', ...SESSION, 'parallelism', 'failFast', 'log', 'reportFormat'] as const;

/** The operations that run over many manifests at once (docs/fleets.md). */
export const FLEET_OPS = ['plan', 'apply', 'destroy', 'refresh'] as const satisfies readonly TofuOp[];

/** Which tofu command takes which option: a command accepts and lists exactly its column. */
export const TOFU_FLAGS = {
  init: RUNS_TOFU,
  plan: [...RUNS_FLEET, 'detailedExitcode', 'json', 'adopt', 'destroy'],
  apply: [...RUNS_FLEET, 'autoApprove', 'allowReplace', 'json', 'adopt'],
  destroy: [...RUNS_FLEET, 'autoApprove'],
  refresh: RUNS_FLEET,
  output: [...RUNS_TOFU, 'json'],
  'load-tfvars': SOURCE,
} as const satisfies Record<TofuCommand, readonly OptionName[]>;

/** Which command takes which option, in the order help lists them. */
export const FLAGS = {
  ...TOFU_FLAGS,
  validate: ['manifests', 'fs', 'kustomizeDir', 'overlay', 'format', 'json', 'set', 'noColor'],
  drift: ['manifests', 'fs', 'set', 'stackInput', 'local', 'binary', 'pluginDir', 'detailedExitcode', 'log', 'reportFormat', 'noColor'],
  schema: ['stackInputSchema'],
  'load-manifest': [...SOURCE, 'json'],
  import: ['table', 'stackInput', 'local', 'out', 'binary', 'pluginDir'],
  'local start': ['manifestFile'],
} as const satisfies Record<CommandName, readonly OptionName[]>;

type Rows = typeof OPTIONS;
type AliasName = { [K in OptionName]: Rows[K] extends { aliasOf: string } ? K : never }[OptionName];
type FieldOf<K extends OptionName> = Rows[K] extends { as: infer A extends string } ? A : K;
type ValueOf<R> = R extends { kind: 'text'; required: true }
  ? string
  : R extends { kind: 'text' }
    ? string | undefined
    : R extends { kind: 'list' }
      ? string[]
      : R extends { kind: 'choice'; choices: readonly (infer C)[] }
        ? C
        : boolean;

/** The typed options of the rows `N` (aliases left out), each with its kind's default. */
export type OptionsOf<N extends OptionName> = { [K in Exclude<N, AliasName> as FieldOf<K>]: ValueOf<Rows[K]> };

/** What the command `C` receives. */
export type CommandOptions<C extends CommandName> = OptionsOf<(typeof FLAGS)[C][number]>;

/** What a tofu operation receives: the options of every operation (an operation reads only its own), and the call. */
export type TofuOptions = OptionsOf<(typeof TOFU_FLAGS)[TofuOp][number]> & {
  /** The arguments planton was called with (after `planton`), echoed in hints such as "run … --auto-approve". */
  invocation: string[];
};

/** The row's typed name. */
export function fieldOf(name: OptionName): string {
  const row: OptionRow = OPTIONS[name];
  return row.as ?? name;
}

/** The value an option has when the command line does not give it. */
export function defaultOf(name: OptionName): unknown {
  const row: OptionRow = OPTIONS[name];
  switch (row.kind) {
    case 'list':
      return [];
    case 'flag':
      return false;
    case 'negated':
      return true;
    case 'choice':
      return row.default;
    case 'text':
      return undefined;
  }
}

/** The typed options of `names` from what commander read (`read(name)`), defaults filled in. */
export function optionValues<N extends OptionName>(names: readonly N[], read: (name: N) => unknown): OptionsOf<N> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const row: OptionRow = OPTIONS[name];
    if (row.aliasOf !== undefined) continue;
    out[fieldOf(name)] = read(name) ?? defaultOf(name);
  }
  return out as OptionsOf<N>;
}

/** Every option any tofu operation takes, so each operation's options are complete (`TofuOptions`). */
export const TOFU_OPTION_NAMES = [...new Set(TOFU_OPS.flatMap((op): readonly OptionName[] => TOFU_FLAGS[op]))] as (typeof TOFU_FLAGS)[TofuOp][number][];
