// The one clean-up every loader ends with, and the pointer helpers every check speaks in.
import { finishDiagnostics, MAX_DIAGNOSTICS, type Diagnostic } from '../../../src/document/diagnostics.js';
import { joinPointer, pointerToPath, splitPointer, valueAt } from '../../../src/document/pointer.js';

const at = (line: number, col: number, message: string, path = ''): Diagnostic => ({ code: 'c', severity: 'error', message, path, pointer: '', file: 'm.yaml', line, col });
const brief = (list: Diagnostic[]) => list.map((d) => `${d.line}:${d.col} ${d.path} ${d.message}`);

describe('finishDiagnostics', () => {
  test('orders by line, column and path, keeps file-level problems first and drops repeats', () => {
    const list = [at(3, 1, 'c'), at(1, 5, 'b', 'spec.b'), at(1, 5, 'a', 'spec.a'), at(0, 0, 'whole file'), at(3, 1, 'c')];
    expect(brief(finishDiagnostics('m.yaml', list))).toEqual(['0:0  whole file', '1:5 spec.a a', '1:5 spec.b b', '3:1  c']);
  });

  test('trailing problems follow the located ones whatever their position', () => {
    expect(brief(finishDiagnostics('m.yaml', [at(9, 1, 'late')], { trailing: [at(2, 1, 'second document')] }))).toEqual(['9:1  late', '2:1  second document']);
  });

  test('past the cap one line counts the rest, including problems dropped before locating', () => {
    const many = Array.from({ length: MAX_DIAGNOSTICS + 3 }, (_, i) => at(i + 1, 1, `p${i}`));
    const out = finishDiagnostics('m.yaml', many, { omitted: 2 });
    expect(out).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(out[MAX_DIAGNOSTICS]).toEqual({ code: 'too-many-problems', severity: 'error', message: '5 more problems not shown; fix the ones above first', path: '', pointer: '', file: 'm.yaml', line: 0, col: 0 });
    expect(brief(finishDiagnostics('m.yaml', [at(1, 1, 'only')], { omitted: 4 })).at(-1)).toBe('0:0  4 more problems not shown; fix the ones above first');
  });
});

describe('JSON pointers', () => {
  test('escape and unescape `/` and `~`, and name paths as a person reads them', () => {
    expect(joinPointer(['spec', 'tags', 'a/b~c', 0])).toBe('/spec/tags/a~1b~0c/0');
    expect(splitPointer('/spec/tags/a~1b~0c/0')).toEqual(['spec', 'tags', 'a/b~c', '0']);
    expect(splitPointer('')).toEqual([]);
    expect(pointerToPath('/spec/globalSecondaryIndexes/1/name')).toBe('spec.globalSecondaryIndexes[1].name');
    expect(pointerToPath('/spec/tags/team.name')).toBe('spec.tags["team.name"]');
    expect(pointerToPath('')).toBe('');
  });

  test('valueAt reads plain data and is undefined where the path stops', () => {
    const data = { spec: { list: [{ name: 'x' }] } };
    expect(valueAt(data, '/spec/list/0/name')).toBe('x');
    expect(valueAt(data, '/spec/list/3/name')).toBeUndefined();
    expect(valueAt(data, '/spec/list/0/name/deeper')).toBeUndefined();
    expect(valueAt(data, '')).toBe(data);
  });
});
