// The start-up fast path's reading of `planton validate ARGS`: the few options validate takes, read
// from the one option table (commands/options.ts) without commander, so a cold `planton validate`
// loads only what validation needs. Anything this does not read exactly as commander would (help,
// an unknown or misspelt option, a missing value, a URL, stdin, a kustomize overlay) returns
// undefined, and the full CLI reads the command line instead: its messages stay the only ones.
import { FLAGS, OPTIONS, type OptionName, type OptionRow } from '../commands/options.js';
import type { ValidateCommandOptions } from '../commands/validate.js';

type ValidateOption = (typeof FLAGS.validate)[number];

/** Validate's flags by spelling (`-m`, `--manifest`, ...), from the option table. */
function flagNames(): Map<string, ValidateOption> {
  const byFlag = new Map<string, ValidateOption>();
  for (const name of FLAGS.validate) {
    const row: OptionRow = OPTIONS[name];
    for (const word of row.flags.split(/[\s,]+/)) if (word.startsWith('-')) byFlag.set(word, name);
  }
  return byFlag;
}

const takesValue = (name: OptionName): boolean => /<[^>]+>/.test(OPTIONS[name].flags);

/** Sources the full CLI's source module reads (URLs, stdin): the fast path leaves them to it. */
const isSpecialSource = (p: string): boolean => p === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(p);

export function fastValidateArgs(argv: readonly string[]): ValidateCommandOptions | undefined {
  if (argv[0] !== 'validate') return undefined;
  const byFlag = flagNames();
  const manifests: string[] = [];
  const aliases: string[] = [];
  const files: string[] = [];
  const set: string[] = [];
  let format: ValidateCommandOptions['format'] = 'text';
  let json = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const spelling = eq > 0 ? arg.slice(0, eq) : arg;
    const name = byFlag.get(spelling);
    if (name === undefined) return undefined;
    let value: string | undefined;
    if (takesValue(name)) {
      value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      // A missing value is commander's error to word; one that looks like a flag is left to it too.
      if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    } else if (eq > 0) return undefined;
    switch (name) {
      case 'manifests':
        manifests.push(value as string);
        break;
      case 'fs':
        aliases.push(value as string);
        break;
      case 'set':
        set.push(value as string);
        break;
      case 'format':
        if (value !== 'text' && value !== 'json') return undefined;
        format = value;
        break;
      case 'json':
        json = true;
        break;
      case 'noColor':
        break;
      // --kustomize-dir and --overlay build the manifest with kustomize: the full CLI's way.
      default:
        return undefined;
    }
  }
  const paths = [...manifests, ...aliases, ...files];
  if (paths.some(isSpecialSource)) return undefined;
  return { paths, format: json ? 'json' : format, set };
}
