// The seeded random walk (test/walk/walk.ts), short: a create and a few steps. `npm run soak -- --steps N
// --seed S` runs a long one with the same code. A failure names the seed and the steps taken.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { withDynamoDbLocal, type TestDynamoDbLocal } from '../helpers/dynamodb-local.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { repoRoot } from '../helpers/repo.js';
import { buildPlanton } from '../faults/helpers.js';
import { walk } from '../walk/walk.js';

const steps = Number(process.env.PLANTON_WALK_STEPS ?? 3);
const seed = Number(process.env.PLANTON_WALK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const suite = describeWithTofu('test/e2e/walk.test.ts');

suite('random walk against DynamoDB Local', () => {
  let ddb: TestDynamoDbLocal;
  beforeAll(async () => {
    buildPlanton();
    ddb = await withDynamoDbLocal();
  }, 120_000);
  afterAll(async () => ddb?.stop(), 60_000);

  test(`after each step one apply converges and plan --detailed-exitcode exits 0 (seed ${seed}, ${steps} steps)`, async () => {
    const parent = join(repoRoot, 'test/.tmp');
    mkdirSync(parent, { recursive: true });
    const log = process.env.PLANTON_WALK_VERBOSE ? (line: string) => process.stderr.write(`walk: ${line}\n`) : undefined;
    const journal = await walk({ seed, steps, endpoint: ddb.endpoint, client: ddb.client(), parent, log });
    expect(journal).toHaveLength(steps + 1 + journal.filter((l) => l.startsWith('  interrupted')).length);
  }, (steps + 1) * 150_000);
});
