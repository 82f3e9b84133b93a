// The validate fast path reads exactly what commander would, and leaves everything else to the full CLI.
import { fastValidateArgs } from '../../../src/startup/validate-argv.js';

describe('fastValidateArgs', () => {
  test('reads files, repeated -m/-f/--manifest, --set, --format and --json in commander order', () => {
    expect(fastValidateArgs(['validate'])).toEqual({ paths: [], format: 'text', set: [] });
    expect(fastValidateArgs(['validate', 'a.yaml', '-m', 'b.yaml', '--manifest=c.yaml', '-f', 'd.yaml', 'dir/', '--set', 'spec.x=1', '--set=spec.y=2', '--no-color'])).toEqual({
      paths: ['b.yaml', 'c.yaml', 'd.yaml', 'a.yaml', 'dir/'],
      format: 'text',
      set: ['spec.x=1', 'spec.y=2'],
    });
    expect(fastValidateArgs(['validate', '--format', 'json', 'x.yaml'])).toEqual({ paths: ['x.yaml'], format: 'json', set: [] });
    expect(fastValidateArgs(['validate', '--format=text', '--json'])).toEqual({ paths: [], format: 'json', set: [] });
  });

  test.each([
    [['plan']],
    [['validate', '--help']],
    [['validate', '-h']],
    [['validate', '--bogus']],
    [['validate', '-mfile.yaml']],
    [['validate', '-m']],
    [['validate', '-m', '--json']],
    [['validate', '--format', 'yaml']],
    [['validate', '--json=yes']],
    [['validate', '--kustomize-dir', 'k', '--overlay', 'dev']],
    [['validate', '-']],
    [['validate', '-m', 'https://example.test/m.yaml']],
    [['validate', '--', 'a.yaml']],
  ])('leaves %j to the full CLI', (argv) => {
    expect(fastValidateArgs(argv)).toBeUndefined();
  });
});
