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
    ['tabs used as indentation are reported', 'apiVersion: x\nmetadata:\n\tname: a\n', ["3:1  Tabs are not allowed as indentation [yaml-tab-as-indent]"]],
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
