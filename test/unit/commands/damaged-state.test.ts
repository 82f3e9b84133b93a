// A local state terraform cannot parse stops the run before any terraform command, naming the file and
// its backup (terraform itself would report it as a state lock). The binary is a stub that answers
// `version` and records any other call, so the test proves that nothing else ran.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../../src/io.js';
import { main } from '../../../src/main.js';
import { OWNER_FILE } from '../../../src/workspace/workdir.js';

const MANIFEST = 'apiVersion: aws.project-planton.org/v1\nkind: AwsDynamodb\nmetadata:\n  name: unit-orders\nspec:\n  partitionKey: { name: id, type: STRING }\n';
const TRUNCATED = '{"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "abc", "resources": [{"mode": "managed", "ty';

let dir: string;
let work: string;
let stub: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planton-damaged-'));
  writeFileSync(join(dir, 'orders.yaml'), MANIFEST);
  // A work directory of an earlier run: its owner file, then the damaged state.
  work = join(dir, '.planton', 'unit-orders');
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, OWNER_FILE), JSON.stringify({ manifest: '../../orders.yaml', at: '' }));
  writeFileSync(join(work, 'terraform.tfstate'), TRUNCATED);
  stub = join(dir, 'terraform');
  writeFileSync(stub, `#!/bin/sh\n[ "$1" = version ] && { echo 'Terraform v1.11.4'; exit 0; }\necho "$@" >> ${join(dir, 'calls')}\nexit 0\n`);
  chmodSync(stub, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(op: string) {
  const io = memoryIo(dir, { PATH: '/usr/bin:/bin', AWS_REGION: 'us-east-1' });
  const code = await main(['tofu', op, '--auto-approve', '--manifest', 'orders.yaml', '--binary', stub].filter((a) => op === 'apply' || a !== '--auto-approve'), io);
  return { code, err: io.err.split('\n').filter((l) => !l.startsWith('planton: using')) };
}

test('a truncated state with a good backup: exit 1, both files named, nothing run, the state untouched', async () => {
  writeFileSync(join(work, 'terraform.tfstate.backup'), '{"version": 4, "serial": 2, "lineage": "abc", "resources": []}\n');
  for (const op of ['plan', 'apply', 'init']) {
    expect(await run(op)).toEqual({
      code: 1,
      err: [
        `planton: the state file ${work}/terraform.tfstate is damaged (not valid JSON), not locked by another run; planton leaves it as it is`,
        `  ${work}/terraform.tfstate.backup holds the state from before its last write: if it is the one you want, copy it over ${work}/terraform.tfstate and run again.`,
        '',
      ],
    });
  }
  expect(readFileSync(join(work, 'terraform.tfstate'), 'utf8')).toBe(TRUNCATED);
  expect(existsSync(join(dir, 'calls'))).toBe(false);
});

test('a damaged backup, or none, is said too', async () => {
  writeFileSync(join(work, 'terraform.tfstate.backup'), '');
  expect((await run('plan')).err[1]).toBe(`  ${work}/terraform.tfstate.backup is damaged too (empty): restore the state from a copy of your own (version control, a file backup) and run again.`);
  rmSync(join(work, 'terraform.tfstate.backup'));
  expect((await run('plan')).err[1]).toBe('  There is no terraform.tfstate.backup beside it: restore the state from a copy of your own (version control, a file backup) and run again.');
});

test('an empty state file is no state (as for terraform): the run goes on to terraform', async () => {
  writeFileSync(join(work, 'terraform.tfstate'), '');
  await run('init');
  expect(readFileSync(join(dir, 'calls'), 'utf8')).toMatch(/^init /);
});
