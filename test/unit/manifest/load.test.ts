// Rule 15: bad YAML gets a located, one-line error and stops the pipeline (no schema run on a broken file).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../../src/manifest/index.js';
import { PK, problems, render, withSpec } from './helpers.js';

const tmp = join(process.cwd(), 'test', '.tmp', 'load');
mkdirSync(tmp, { recursive: true });

async function fileProblems(name: string, bytes: Uint8Array): Promise<string[]> {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const { result } = await loadManifest({ file, displayFile: name });
  return result.diagnostics.map(render);
}

describe('rule 15: bad YAML', () => {
  test.each([
    ['a syntax error is reported at the position yaml gives', 'apiVersion: [a,\nkind: AwsDynamodb\n', ["2:1  Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-bad-indent]"]],
    ['a duplicate key is reported on the second key', withSpec(PK + '  partitionKey:\n    name: x\n    type: STRING\n'), ["9:3  duplicate key `partitionKey`: each key may appear only once in a mapping [yaml-duplicate-key]"]],
    ['tabs used as indentation are reported', 'apiVersion: x\nmetadata:\n\tname: a\n', ["3:1  this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces [yaml-tab-as-indent]"]],
    ['an unclosed quote is reported', 'apiVersion: "x\n', ["2:1  Missing closing \"quote [yaml-missing-char]"]],
    ['a list at the root is not a manifest', '- a\n- b\n', ["1:1  the manifest must be a YAML mapping of keys to values (apiVersion: ..., kind: ...), found a list [yaml-not-a-mapping]"]],
    ['a scalar at the root is not a manifest', 'just text\n', ["1:1  the manifest must be a YAML mapping of keys to values (apiVersion: ..., kind: ...), found a single value [yaml-not-a-mapping]"]],
    ['two documents are refused at the second one', withSpec(PK) + '---\n' + withSpec(PK), ["9:1  the file holds 2 YAML documents; a manifest file holds exactly one [yaml-multiple-documents]"]],
    ['an empty file is refused', '', ["1:1  the file is empty: a manifest needs apiVersion, kind, metadata and spec [yaml-empty]"]],
    ['a file of comments only is empty', '# nothing here\n\n', ["1:1  the file is empty: a manifest needs apiVersion, kind, metadata and spec [yaml-empty]"]],
    ['a document marker alone is empty', '---\n', ["1:1  the file is empty: a manifest needs apiVersion, kind, metadata and spec [yaml-empty]"]],
    ['an alias bomb is refused instead of expanded', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n', ["1:1  too many alias expansions (more than 50): the file looks like an alias bomb; write the values out instead [yaml-alias-bomb]"]],
    ['YAML errors stop before the schema: no schema error is reported', 'apiVersion: nope\nkind: [\n', ["3:1  Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-bad-indent]"]],
  ])('%s', async (_name, text, expected) => {
    expect(await problems(text)).toEqual(expected);
  });

  // Indentation mistakes: yaml's own words point at the line above and describe the parser's state;
  // planton says what is wrong at the line that is wrong, once.
  test.each([
    [
      'a key indented under a key that already has a value',
      'apiVersion: x\nspec:\n  billingMode: PAY_PER_REQUEST\n    partitionKey:\n      name: id\n',
      ['4:5  this line is indented under `billingMode` (line 3), which already has a value (`PAY_PER_REQUEST`): line it up with `billingMode` (2 spaces), or move that value off line 3 if this belongs inside `billingMode` [yaml-block-as-implicit-key]'],
    ],
    [
      'a top-level key indented under a scalar',
      'apiVersion: x\nmetadata: users\n  labels: {}\n',
      ['3:3  this line is indented under `metadata` (line 2), which already has a value (`users`): line it up with `metadata` (not indented), or move that value off line 2 if this belongs inside `metadata` [yaml-block-as-implicit-key]'],
    ],
    [
      'a list item key indented one space too far',
      'spec:\n  globalSecondaryIndexes:\n    - name: a\n       partitionKey: x\n',
      ['4:8  this line is indented under `name` (line 3), which already has a value (`a`): line it up with `name` (6 spaces), or move that value off line 3 if this belongs inside `name` [yaml-block-as-implicit-key]'],
    ],
    [
      'a key that lines up with no mapping',
      'spec:\n  partitionKey:\n    name: id\n   type: STRING\n',
      ['4:4  this line is indented 3 spaces, which lines it up with no key above it; the keys of one mapping start in the same column: indent it 4 spaces to go with `name` (line 3), or 2 spaces to go with `partitionKey` (line 2) [yaml-bad-indent]'],
    ],
    [
      'a mapping begun on its key’s line',
      'spec:\n  partitionKey: name: id\n',
      ['2:17  `name: id` cannot follow `partitionKey:` on the same line: put it on its own line below, indented further, or write `partitionKey: { name: id }` [yaml-block-as-implicit-key]'],
    ],
    ['a key without its colon', 'spec:\n  partitionKey\n  billingMode: X\n', ['2:3  `partitionKey` has no colon: a key needs one (`partitionKey:`), then its value or an indented block [yaml-multiline-implicit-key]']],
    [
      'a list item among mapping keys',
      'spec:\n  tags:\n    a: b\n  - c\n',
      ['4:3  a list item (`- c`) among the keys of a mapping: one block is either keys or list items; give it a key of its own, or indent it under one [yaml-block-as-implicit-key]'],
    ],
  ])('indentation: %s', async (_name, text, expected) => {
    expect(await problems(text)).toEqual(expected);
  });

  test('document markers around one manifest are fine (a leading ---, a trailing --- or ...)', async () => {
    expect(await problems('---\n' + withSpec(PK) + '---\n')).toEqual([]);
    expect(await problems('---\n' + withSpec(PK) + '...\n')).toEqual([]);
  });

  test('a binary file (NUL bytes) is refused at the first NUL', async () => {
    expect(await fileProblems('binary.yaml', Buffer.from('apiVersion: x\nki\u0000nd: y\n', 'latin1'))).toEqual(['2:3  this is a binary file (it contains NUL bytes), not a YAML manifest [yaml-binary]']);
  });

  test('invalid UTF-8 is refused', async () => {
    expect(await fileProblems('latin1.yaml', Buffer.from('apiVersion: x\nname: caf\xe9\n', 'latin1'))).toEqual(['2:10  the file is not valid UTF-8 text; save it as UTF-8 [yaml-invalid-utf8]']);
  });

  test('a UTF-8 byte order mark is accepted', async () => {
    expect(await fileProblems('bom.yaml', Buffer.from('\ufeff' + withSpec(PK), 'utf8'))).toEqual([]);
  });

  test('a missing file is one error without a position and status error', async () => {
    const { result } = await loadManifest({ file: join(tmp, 'nope.yaml'), displayFile: 'nope.yaml' });
    expect(result).toEqual({ file: 'nope.yaml', status: 'error', diagnostics: [{ code: 'file-not-found', severity: 'error', message: 'file not found', path: '', pointer: '', file: 'nope.yaml', line: 0, col: 0 }] });
  });
});
