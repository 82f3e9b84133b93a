// A bundle loaded twice through the code cache: the second load takes V8's compiled code from the cache.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, loadBundle } from '../../../src/startup/code-cache.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-code-cache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the first load writes the cache after the work, the second reads it; exports and require work', () => {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, "const { join } = require('node:path'); module.exports = { answer: () => join('a', String(6 * 7)), file: __filename };\n");
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  const first = loadBundle(file, env);
  expect(first.fromCache).toBe(false);
  expect((first.exports as { answer: () => string }).answer()).toBe(join('a', '42'));
  expect((first.exports as { file: string }).file).toBe(file);
  first.save();
  const firstCaches = readdirSync(join(dir, 'cache', 'planton'));
  expect(firstCaches).toEqual([expect.stringMatching(/^bundle\.cjs-v\d+\.\d+\.\d+-.+\.v8$/)]);
  const second = loadBundle(file, env);
  expect(second.fromCache).toBe(true);
  expect((second.exports as { answer: () => string }).answer()).toBe(join('a', '42'));

  // A new build of the same file gets its own cache, and the old one is removed.
  writeFileSync(file, "module.exports = { answer: () => 'rebuilt' };\n");
  const rebuilt = loadBundle(file, env);
  expect(rebuilt.fromCache).toBe(false);
  expect((rebuilt.exports as { answer: () => string }).answer()).toBe('rebuilt');
  rebuilt.save();
  const caches = readdirSync(join(dir, 'cache', 'planton'));
  expect(caches).toHaveLength(1);
  expect(caches).not.toEqual(firstCaches);
});

test('a cache directory others can write is not used; a relative XDG_CACHE_HOME is ignored', () => {
  const shared = join(dir, 'shared');
  mkdirSync(join(shared, 'planton'), { recursive: true });
  chmodSync(join(shared, 'planton'), 0o777);
  expect(cacheDir({ XDG_CACHE_HOME: shared })).toBeUndefined();
  expect(cacheDir({ XDG_CACHE_HOME: 'relative' })).toBe(join(tmpdir(), `planton-cache-${process.getuid?.() ?? 'user'}`));
  expect(cacheDir({ XDG_CACHE_HOME: join(dir, 'own') })).toBe(join(dir, 'own', 'planton'));
});
