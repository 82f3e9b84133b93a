import { formatOutputs, outputValues, withoutOutputsBlock } from '../../../src/tofu/outputs.js';

const json = JSON.stringify({
  aws_region: { sensitive: false, type: 'string', value: 'us-east-1' },
  extra: { sensitive: false, type: 'string', value: 'x' },
  table_arn: { sensitive: false, type: 'string', value: 'arn:aws:dynamodb:us-east-1:000000000000:table/t' },
  table_name: { sensitive: false, type: 'string', value: 't' },
});

test('outputs come in the order of docs/contract.md (cli), then the rest by name, aligned and quoted', () => {
  const values = outputValues(json);
  expect(Object.keys(values)).toEqual(['table_name', 'table_arn', 'aws_region', 'extra']);
  expect(formatOutputs(values)).toBe(
    'table_name = "t"\n' + 'table_arn  = "arn:aws:dynamodb:us-east-1:000000000000:table/t"\n' + 'aws_region = "us-east-1"\n' + 'extra      = "x"\n',
  );
});

test('the key type check planton reads itself is not shown as an output', () => {
  const withCheck = JSON.stringify({ ...JSON.parse(json), key_type_drift: { sensitive: false, value: [] } });
  expect(Object.keys(outputValues(withCheck))).toEqual(['table_name', 'table_arn', 'aws_region', 'extra']);
});

test('no state yet means no outputs, said plainly', () => {
  expect(outputValues('{}\n')).toEqual({});
  expect(formatOutputs({})).toBe('');
});

test("tofu's own Outputs: block is dropped from apply's output, whatever comes before it is kept", () => {
  let seen = '';
  const write = withoutOutputsBlock((t) => (seen += t));
  write('module.dynamodb.aws_dynamodb_table.this: Creation complete after 1s [id=t]\n');
  write('\n\x1b[0m\x1b[1m\x1b[32mApply complete! Resources: 1 added, 0 changed, 0 destroyed.\n\x1b[0m\x1b[0m\x1b[1m\x1b[32m\nOutputs:\n\x1b[0m\n');
  write('table_name = "t"\n');
  expect(seen).toBe(
    'module.dynamodb.aws_dynamodb_table.this: Creation complete after 1s [id=t]\n\n\x1b[0m\x1b[1m\x1b[32mApply complete! Resources: 1 added, 0 changed, 0 destroyed.\n\x1b[0m',
  );
  let plainText = '';
  const noColor = withoutOutputsBlock((t) => (plainText += t));
  noColor('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n\nOutputs:\n\n');
  noColor('table_name = "t"\n');
  expect(plainText).toBe('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.\n');
});
