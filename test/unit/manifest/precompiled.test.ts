// The precompiled validators (src/generated/validators.ts) must match schema/: a stale file would still
// validate correctly (schema.ts falls back to compiling with ajv) but would cost ~200 ms per run.
import { execFileSync } from 'node:child_process';
import { compileNow, precompiledIsCurrent, toProblems, validatorFor } from '../../../src/document/schema.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

describe('precompiled validators', () => {
  test('src/generated/validators.ts is generated from the current schema files', () => {
    expect(precompiledIsCurrent()).toBe(true);
    // --check regenerates in memory and compares byte for byte.
    expect(() => execFileSync(process.execPath, ['scripts/gen-validators.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  test('the run-time ajv compile and the precompiled code give the same problems and defaults', () => {
    const text = readFileSync('test/fixtures/invalid/many-errors.yaml', 'utf8');
    const a = parse(text) as Record<string, unknown>;
    const b = parse(text) as Record<string, unknown>;
    const fast = validatorFor('manifest');
    const slow = compileNow('manifest');
    expect(fast).not.toBe(slow);
    expect(fast(a)).toBe(false);
    expect(slow(b)).toBe(false);
    expect(toProblems('manifest', fast.errors ?? [], a)).toEqual(toProblems('manifest', slow.errors ?? [], b));
    expect(a).toEqual(b);
  });
});
