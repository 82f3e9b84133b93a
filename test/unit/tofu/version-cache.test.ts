// The binary's version is probed once per binary: again only when the binary changes, never cached on failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BinaryChoice, TofuBinary } from '../../../src/tofu/binary.js';
import { probeBinaryCached } from '../../../src/tofu/version-cache.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'planton-version-cache-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a second probe of the same binary is answered from the cache; a changed binary is probed again', async () => {
  const path = join(dir, 'terraform');
  writeFileSync(path, '#!/bin/sh\n');
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  const choice: BinaryChoice = { path, source: 'PATH' };
  let probes = 0;
  const probe = async (c: BinaryChoice): Promise<TofuBinary> => {
    probes++;
    return { name: 'terraform', version: `1.11.${probes}`, path: c.path };
  };
  expect(await probeBinaryCached(choice, env, probe)).toEqual({ name: 'terraform', version: '1.11.1', path });
  expect(await probeBinaryCached(choice, env, probe)).toEqual({ name: 'terraform', version: '1.11.1', path });
  expect(probes).toBe(1);
  writeFileSync(path, '#!/bin/sh\n# upgraded\n');
  expect(await probeBinaryCached(choice, env, probe)).toEqual({ name: 'terraform', version: '1.11.2', path });
  expect(probes).toBe(2);
});

test('a failed probe is not remembered', async () => {
  const path = join(dir, 'not-terraform');
  writeFileSync(path, 'x');
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  let probes = 0;
  const failing = async (): Promise<TofuBinary> => {
    probes++;
    throw new Error('not OpenTofu or Terraform');
  };
  await expect(probeBinaryCached({ path, source: '--binary' }, env, failing)).rejects.toThrow('not OpenTofu or Terraform');
  await expect(probeBinaryCached({ path, source: '--binary' }, env, failing)).rejects.toThrow('not OpenTofu or Terraform');
  expect(probes).toBe(2);
});
