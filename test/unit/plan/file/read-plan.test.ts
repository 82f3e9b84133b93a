// readSavedPlan on real saved plans (test/fixtures/plan-files/): what it reads is what `show -json`
// printed of the same file, and a prior state it cannot read exactly is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerraformPlanJson, TfResourceChange } from '../../../../src/plan/plan-json.js';
import { readSavedPlan } from '../../../../src/plan/file/read-plan.js';
import { repoRoot } from '../../../helpers/repo.js';

const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'plan-files', name);

/** show -json's resource changes without what planton does not read (provider, sensitivity marks). */
function asRead(changes: (TfResourceChange & { provider_name?: string })[]): TfResourceChange[] {
  return changes.map(({ provider_name: _provider, ...rc }) => {
    const { before_sensitive: _b, after_sensitive: _a, ...change } = rc.change as TfResourceChange['change'] & { before_sensitive?: unknown; after_sensitive?: unknown };
    return { ...rc, change };
  });
}

test.each(['create', 'delete'])('a %s of terraform_data (dynamically typed input and output) is read as show -json printed it', (name) => {
  const shown = JSON.parse(readFileSync(fixture(`terraform-data-${name}.json`), 'utf8')) as TerraformPlanJson;
  const mine = readSavedPlan(fixture(`terraform-data-${name}.tfplan`), '1.11.4');
  expect(mine.resource_changes).toEqual(asRead(shown.resource_changes ?? []));
  expect(mine.resource_drift).toEqual(shown.resource_drift ?? []);
  expect({ applyable: mine.applyable, errored: mine.errored }).toEqual({ applyable: shown.applyable, errored: shown.errored });
  // The resource is in module.m: the root module's prior state, all planton reads of it, is empty.
  expect(mine).toMatchObject({ prior_state: { values: { root_module: { resources: [] } } } });
});

test('a root module resource whose state may hold a dynamically typed value is refused: the state stores it as {value, type}, show -json as the value', () => {
  expect(() => readSavedPlan(fixture('terraform-data-root-delete.tfplan'), '1.11.4')).toThrow('terraform_data.extra may hold a dynamically typed value');
});
