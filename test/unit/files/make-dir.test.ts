import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from '../../../src/files/make-dir.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-mkdir-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code;
  }
};

test('makes every missing directory of a path, and an existing one is fine', () => {
  makeDirectory(join(dir, 'a', 'b', 'c'));
  expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
  expect(() => makeDirectory(join(dir, 'a', 'b'))).not.toThrow();
});

test('a file on the way, or at the path itself, is ENOTDIR', () => {
  writeFileSync(join(dir, 'f'), '');
  expect(codeOf(() => makeDirectory(join(dir, 'f', 'x')))).toBe('ENOTDIR');
  expect(codeOf(() => makeDirectory(join(dir, 'f')))).toBe('ENOTDIR');
});

test('a parent that refuses children (/proc) is ENOENT at once, where node’s recursive mkdir never returns', () => {
  if (!existsSync('/proc/self')) return;
  expect(codeOf(() => makeDirectory('/proc/x/y'))).toBe('ENOENT');
});
