import { guardPlan, lossMessage, tableLosses } from '../../../src/tofu/guard.js';
import type { TerraformPlanJson } from '../../../src/plan/plan-json.js';

const table = (actions: string[], before: object | null, after: object | null, replace_paths?: string[][]) =>
  ({
    resource_changes: [
      {
        address: 'module.dynamodb.aws_dynamodb_table.this',
        mode: 'managed',
        type: 'aws_dynamodb_table',
        name: 'this',
        change: { actions, before, after, replace_paths },
      },
    ],
  }) as TerraformPlanJson;

test('a partition key change is a replacement caused by spec.partitionKey.name, from old to new', () => {
  const plan = table(['delete', 'create'], { hash_key: 'pk', name: 't' }, { hash_key: 'user_id', name: 't' }, [['hash_key']]);
  expect(tableLosses(plan)).toEqual([
    { address: 'module.dynamodb.aws_dynamodb_table.this', action: 'replace', causes: ['spec.partitionKey.name: "pk" → "user_id"'] },
  ]);
  expect(lossMessage(tableLosses(plan), 't')).toBe(
    "planton: apply stopped: the plan replaces table 't' (module.dynamodb.aws_dynamodb_table.this), which deletes every item in it.\n" +
      '  cause: spec.partitionKey.name: "pk" → "user_id"\n' +
      '  Revert the change, or pass --allow-replace to replace the table anyway (use `planton tofu destroy` to delete it).\n',
  );
});

test('LSI changes and renames are named too; create-before-destroy counts as a replacement', () => {
  const plan = table(['create', 'delete'], { name: 'a', local_secondary_index: [] }, { name: 'b', local_secondary_index: [{}] }, [['name'], ['local_secondary_index']]);
  expect(tableLosses(plan)[0]!.causes).toEqual(['table name (spec.tableName or metadata.name): "a" → "b"', 'spec.localSecondaryIndexes changed']);
});

test('a delete without replace_paths says the table left the configuration; updates are not losses', () => {
  expect(tableLosses(table(['delete'], { name: 't' }, null))).toEqual([
    { address: 'module.dynamodb.aws_dynamodb_table.this', action: 'delete', causes: ['the table is no longer in the configuration'] },
  ]);
  expect(tableLosses(table(['update'], { read_capacity: 1 }, { read_capacity: 2 }))).toEqual([]);
});

test('guardPlan names only the changes that force the replacement, in manifest terms', () => {
  const plan = table(
    ['delete', 'create'],
    { name: 't', hash_key: 'customer_id', tags: {}, attribute: [{ name: 'customer_id', type: 'S' }] },
    { name: 't', hash_key: 'account_id', tags: { Name: 't' }, attribute: [{ name: 'account_id', type: 'S' }] },
    [['hash_key']],
  );
  const { losses, analysis } = guardPlan(plan, 'metadata.name');
  expect(analysis.replacesTable).toBe(true);
  expect(losses).toHaveLength(1);
  expect(losses[0]!.causes).toHaveLength(1);
  expect(losses[0]!.causes[0]).toMatch(/^spec\.partitionKey.*customer_id.*account_id/);
});
