// Table and index names are checked by the JSON Schemas (editors, the schema stage), by rules.ts (a
// clearer sentence), by the importer and by the module's variables: the TypeScript constant, the
// schemas and the module's one shared name pattern must not drift apart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/repo.js';
import { schemaDocument } from '../../../src/document/schema.js';
import { NAME_PATTERN, NAME_RE } from '../../../src/manifest/table-name.js';
import { ATTRIBUTE_TYPE, SCALAR_TYPES, scalarTypeOf } from '../../../src/manifest/key-types.js';

type Node = Record<string, unknown>;
const at = (root: Node, ...path: string[]): Node => path.reduce((n, k) => n[k] as Node, root);

describe('one table and index name pattern', () => {
  test('every name pattern in the schemas is the TypeScript one', () => {
    const manifest = schemaDocument('manifest');
    const anchored = `^${NAME_PATTERN}$`;
    expect(NAME_RE.source).toBe(anchored);
    expect(at(manifest, '$defs', 'spec', 'properties', 'tableName').pattern).toBe(anchored);
    expect(at(manifest, '$defs', 'indexName').pattern).toBe(anchored);
    expect(at(manifest, '$defs', 'restore', 'properties', 'sourceTableName').pattern).toBe(anchored);
    expect(at(manifest, 'else', 'properties', 'metadata', 'properties', 'name').pattern).toBe(anchored);
    expect(String(at(manifest, '$defs', 'restore', 'properties', 'sourceTableArn').pattern).endsWith(`:table/${NAME_PATTERN}$`)).toBe(true);
    expect(at(schemaDocument('stack-input'), '$defs', 'backend', 'properties', 'dynamodbTable').pattern).toBe(anchored);
  });

  test("the module's shared name pattern is the TypeScript one", () => {
    const shared = readFileSync(join(repoRoot, 'tf-module', 'variables.shared.hcl'), 'utf8');
    expect(/^# ---- name\.pattern\n(.*)$/m.exec(shared)?.[1]).toBe(`^${NAME_PATTERN}$`);
  });

  test('the pattern takes 3-255 letters, digits, `_`, `.` and `-`', () => {
    expect(['abc', 'a.b-c_D9', 'x'.repeat(255)].filter((n) => !NAME_RE.test(n))).toEqual([]);
    expect(['ab', 'x'.repeat(256), 'has space', 'ümlaut', 'a/b'].filter((n) => NAME_RE.test(n))).toEqual([]);
  });
});

describe('one key type map', () => {
  test('the schema enum is the manifest side of the map, and each AWS letter maps back', () => {
    expect(at(schemaDocument('manifest'), '$defs', 'keyAttribute', 'properties', 'type').enum).toEqual(SCALAR_TYPES);
    expect(SCALAR_TYPES.map((t) => scalarTypeOf(ATTRIBUTE_TYPE[t]))).toEqual(SCALAR_TYPES);
    expect([scalarTypeOf('S'), scalarTypeOf('N'), scalarTypeOf('B'), scalarTypeOf('X'), scalarTypeOf('toString')]).toEqual(['STRING', 'NUMBER', 'BINARY', undefined, undefined]);
  });
});
