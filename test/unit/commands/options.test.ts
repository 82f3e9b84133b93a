// The one option table: every row is taken by some command, a row's key is its long flag (or names
// its typed field with `as`), and the typed options come with each kind's default.
import { Option } from 'commander';
import { FLAGS, OPTIONS, optionValues, TOFU_OPTION_NAMES, type OptionName, type OptionRow } from '../../../src/commands/options.js';

const names = Object.keys(OPTIONS) as OptionName[];

test('every row of the table is in the column of at least one command', () => {
  const taken = new Set(Object.values(FLAGS).flat());
  expect(names.filter((n) => !taken.has(n))).toEqual([]);
});

test("a row's key is commander's name for it, unless `as` names the typed field or it is an alias", () => {
  const odd = names.filter((n) => {
    const row: OptionRow = OPTIONS[n];
    const attribute = new Option(row.flags).attributeName();
    return attribute !== n && row.as !== attribute && row.aliasOf === undefined && !(n === 'manifestList' && row.as === 'manifests');
  });
  // --no-color is commander's `color`: the typed field says so with `as`. The fleet operations' -m is
  // commander's `manifest` but typed `manifests`, beside init's and output's single `manifest`.
  expect(odd).toEqual([]);
});

test('options not given come with the default of their kind, and aliases are left out', () => {
  expect(optionValues(TOFU_OPTION_NAMES, () => undefined)).toEqual({
    manifest: undefined,
    kustomizeDir: undefined,
    overlay: undefined,
    set: [],
    stackInput: undefined,
    local: false,
    binary: undefined,
    workdir: undefined,
    pluginDir: undefined,
    moduleDir: undefined,
    migrateState: false,
    color: true,
    detailedExitcode: false,
    json: false,
    adopt: false,
    destroy: false,
    autoApprove: false,
    allowReplace: false,
    manifests: [],
    parallelism: undefined,
    failFast: false,
    log: false,
    format: 'text',
  });
  expect(optionValues(FLAGS.validate, () => undefined)).toEqual({ manifest: [], kustomizeDir: undefined, overlay: undefined, format: 'text', json: false, set: [], color: true });
  expect(optionValues(FLAGS['local start'], (n) => (n === 'manifestFile' ? 'orders.yaml' : undefined))).toEqual({ manifest: 'orders.yaml' });
});
