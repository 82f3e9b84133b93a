// --local compares against the manifest as adjusted for the run: an on-demand table given its first
// index runs PROVISIONED on DynamoDB Local, which the run says once as a warning; the summary lists the
// new index only, never a billing or capacity change the manifest did not make.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inProcessPlanton } from '../helpers/in-process.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

const LONG = 240_000;
const suite = describeWithTofu('test/e2e/local-substitution.test.ts');
const base = `apiVersion: aws.project-planton.org/v1
kind: AwsDynamodb
metadata:
  name: planton-substitution
spec:
  partitionKey: { name: id, type: STRING }
  pointInTimeRecovery: { enabled: false }
`;
const withIndex = `${base}  globalSecondaryIndexes:
    - name: ByEmail
      partitionKey: { name: email, type: STRING }
`;

suite('--local substitutions', () => {
  let dir: string;
  const planton = inProcessPlanton(() => dir);
  const run = (...args: string[]) => planton.run(['tofu', ...args, '--local', '--manifest', 'm.yaml', '--no-color']);

  beforeAll(() => {
    dir = scratchDir('substitution');
  });
  afterAll(() => {
    removeScratch(dir);
  });

  test('an on-demand table given its first index: one warning, the index as the only manifest change', async () => {
    writeFileSync(join(dir, 'm.yaml'), base);
    expect((await run('apply', '--auto-approve')).code).toBe(0);
    writeFileSync(join(dir, 'm.yaml'), withIndex);
    const plan = await run('plan', '--detailed-exitcode');
    expect(plan.code).toBe(2);
    const warning = 'planton: warning: --local: on-demand billing of a table with global secondary indexes is read back wrongly by DynamoDB Local; PROVISIONED at 1 read/1 write unit per table and index for this run';
    expect(plan.err.split('\n').filter((l) => l === warning)).toHaveLength(1);
    const summary = plan.out.slice(plan.out.indexOf('Changes in manifest terms:'));
    expect(summary.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(/^ {2}~ spec\.globalSecondaryIndexes\[ByEmail\]: index ByEmail \(email; ALL\) is added: .* \(online, index backfill\)$/),
    ]);
    expect(plan.out + plan.err).not.toMatch(/spec\.billingMode|not applied|Check block/);
  }, LONG);
});
