// The two report formats on hand-made results: exact lines, colours only when asked, stable JSON.
import { formatText } from '../../../src/report/text.js';
import { formatJson } from '../../../src/report/json.js';
import type { Diagnostic, FileResult } from '../../../src/document/diagnostics.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'x',
  severity: 'error',
  message: 'broken',
  path: 'spec.ttl',
  pointer: '/spec/ttl',
  file: 'a.yaml',
  line: 3,
  col: 5,
  ...over,
});

const invalid: FileResult = { file: 'a.yaml', status: 'invalid', diagnostics: [d({}), d({ line: 9, col: 1, path: '', message: 'bad YAML' }), d({ severity: 'warning', message: 'odd', line: 10 })] };
const valid: FileResult = { file: 'b.yaml', status: 'valid', diagnostics: [] };

describe('text report', () => {
  test('one line per problem (path omitted when empty) and a summary', () => {
    expect(formatText([invalid], { color: false })).toBe(
      'a.yaml:3:5  spec.ttl  broken\na.yaml:9:1  bad YAML\na.yaml:10:5  spec.ttl  warning: odd\na.yaml: invalid (2 errors, 1 warning)\n',
    );
  });

  test('errors are red, warnings yellow, a valid summary green, only with colour on', () => {
    expect(formatText([invalid], { color: true }).split('\n')[0]).toBe('a.yaml:3:5  spec.ttl  \x1b[31mbroken\x1b[39m');
    expect(formatText([invalid], { color: true }).split('\n')[2]).toBe('a.yaml:10:5  spec.ttl  \x1b[33mwarning: odd\x1b[39m');
    expect(formatText([valid], { color: true })).toBe('\x1b[32mb.yaml: valid\x1b[39m\n');
  });

  test('several files get a counted summary', () => {
    expect(formatText([valid, { ...valid, file: 'c.yaml' }], { color: false })).toBe('2 files checked: 2 valid, 0 invalid\n');
    expect(formatText([valid, invalid], { color: false }).split('\n').slice(-2)).toEqual(['2 files checked: 1 valid, 1 invalid (2 errors, 1 warning)', '']);
  });

  test('a file that could not be read is one line', () => {
    const missing: FileResult = { file: 'x.yaml', status: 'error', diagnostics: [d({ file: 'x.yaml', line: 0, col: 0, path: '', message: 'file not found' })] };
    expect(formatText([missing], { color: false })).toBe('x.yaml  file not found\n');
  });
});

describe('json report', () => {
  test('a summary and each file with its diagnostics, keys in a fixed order', () => {
    const doc = JSON.parse(formatJson([invalid, valid]));
    expect(doc.summary).toEqual({ files: 2, valid: 1, invalid: 1, error: 0 });
    expect(doc.files[1]).toEqual({ file: 'b.yaml', status: 'valid', diagnostics: [] });
    expect(doc.files[0].diagnostics[0]).toEqual({ file: 'a.yaml', line: 3, col: 5, severity: 'error', code: 'x', path: 'spec.ttl', pointer: '/spec/ttl', message: 'broken' });
    expect(formatJson([valid]).endsWith('}\n')).toBe(true);
  });
});
