// README.md's field table is rendered from the field catalogue and kept current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldTable, withFieldTable } from '../../../src/catalogue/readme-table.js';
import { repoRoot } from '../../helpers/repo.js';

test('README.md holds the current field table (npm run generate rewrites it)', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  expect(withFieldTable(readme)).toBe(readme);
});

test('a row names the paths, variables, attribute, label and what AWS does', () => {
  const rows = fieldTable().split('\n');
  expect(rows).toContain('| `spec.localSecondaryIndexes` | `local_secondary_indexes` | `local_secondary_index` | local secondary indexes | **replaces the table: every item is deleted** (apply stops unless `--allow-replace`) |');
  expect(rows).toContain('| `spec.alarms` | `alarms` | (`aws_cloudwatch_metric_alarm`) | alarms | updated in place; the table stays available |');
});

test('replaces a stale table between the markers and refuses a README without them', () => {
  expect(withFieldTable('a\n<!-- BEGIN_FIELDS -->\nold\n<!-- END_FIELDS -->\nb\n')).toBe(`a\n<!-- BEGIN_FIELDS -->\n${fieldTable()}\n<!-- END_FIELDS -->\nb\n`);
  expect(() => withFieldTable('no markers')).toThrow('README.md has no <!-- BEGIN_FIELDS --> … <!-- END_FIELDS --> markers');
});
