// The README's --local adoption route: `planton local start` keeps DynamoDB Local up on the data
// directory `--local` uses, a table is made there with the SDK, the server is stopped, and
// `planton import --local` finds the table. Real DynamoDB Local and terraform, planton in-process.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localStart } from '../../src/commands/local.js';
import { memoryIo } from '../../src/io.js';
import { main } from '../../src/main.js';
import { describeWithTofu } from '../helpers/tofu-binary.js';
import { removeScratch, scratchDir } from '../helpers/scratch.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const suite = describeWithTofu('test/e2e/local-start.test.ts');

suite('planton local start', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchDir('local-start');
  });
  afterAll(() => removeScratch(dir));

  test('serves the --local data directory to the SDK until stopped; import --local then reads the table', async () => {
    const io = memoryIo(dir, { ...process.env });
    let stop!: () => void;
    const stopped = new Promise<void>((done) => (stop = done));
    const running = localStart({ manifest: 'hack/orders.yaml' }, io, stopped);
    while (!io.out.includes('\n')) await new Promise((done) => setTimeout(done, 50));
    const endpoint = io.out.trim();
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const dataDir = join(dir, 'hack', '.planton', 'local-dynamodb');
    expect(io.err).toContain(`planton: DynamoDB Local at ${endpoint} (data in ${dataDir}); Ctrl-C stops it\n`);
    // Both region variables: aws-cli v1 reads only AWS_DEFAULT_REGION, v2 and the SDKs AWS_REGION.
    expect(io.err).toContain(`  e.g. AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 aws dynamodb list-tables --endpoint-url ${endpoint}\n`);

    const client = new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await client.send(
      new CreateTableCommand({
        TableName: 'orders',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    client.destroy();
    stop();
    expect(await running).toBe(0);
    expect(io.err).toMatch(/planton: DynamoDB Local stopped\n$/);

    const imported = memoryIo(dir, { ...process.env, CHECKPOINT_DISABLE: '1' });
    const code = await main(['import', '--table', 'orders', '--local', '--out', 'hack/orders.yaml'], imported);
    if (code !== 0) throw new Error(`import failed (${code}):\n${imported.err}`);
    const manifest = readFileSync(join(dir, 'hack', 'orders.yaml'), 'utf8');
    expect(manifest).toContain('  name: orders\n');
    expect(manifest).toContain('  partitionKey:\n    name: id\n    type: STRING\n');
  }, 240_000);
});
