import { formatOutputs, outputValues } from '../../../src/tofu/outputs.js';

const json = JSON.stringify({
  aws_region: { sensitive: false, type: 'string', value: 'us-east-1' },
  extra: { sensitive: false, type: 'string', value: 'x' },
  table_arn: { sensitive: false, type: 'string', value: 'arn:aws:dynamodb:us-east-1:000000000000:table/t' },
  table_name: { sensitive: false, type: 'string', value: 't' },
});

test('outputs come in design §4 order, then the rest by name, aligned and quoted', () => {
  const values = outputValues(json);
  expect(Object.keys(values)).toEqual(['table_name', 'table_arn', 'aws_region', 'extra']);
  expect(formatOutputs(values)).toBe(
    'planton: outputs\n' + 'table_name = "t"\n' + 'table_arn  = "arn:aws:dynamodb:us-east-1:000000000000:table/t"\n' + 'aws_region = "us-east-1"\n' + 'extra      = "x"\n',
  );
});

test('no state yet means no outputs, said plainly', () => {
  expect(outputValues('{}\n')).toEqual({});
  expect(formatOutputs({})).toBe('planton: no outputs: the table has not been applied yet\n');
});
