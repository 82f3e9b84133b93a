import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupHoldsTable, createsExistingTable, existingTables, keyTypeDriftInState, unknownLiveTableMessage } from '../../../src/workspace/live-table.js';
import { clearCreateIntent, pendingCreate, recordCreateIntent } from '../../../src/workspace/create-intent.js';
import type { TerraformPlanJson } from '../../../src/plan/plan-json.js';

const TABLE = 'module.dynamodb.aws_dynamodb_table.this';

function plan(names: string[] | null, actions: ('create' | 'delete' | 'update' | 'no-op')[], importing = false): TerraformPlanJson {
  return {
    prior_state: { values: { root_module: { resources: [{ address: 'data.aws_dynamodb_tables.planton_existing', values: { names } }] } } },
    resource_changes: [{ address: TABLE, mode: 'managed', type: 'aws_dynamodb_table', name: 'this', change: { actions, before: null, after: {}, ...(importing ? { importing: { id: 'orders' } } : {}) } }],
  } as unknown as TerraformPlanJson;
}

describe('a live table the state does not know', () => {
  test('is a plan that creates the table while ListTables saw it', () => {
    expect(existingTables(plan(['orders', 'other'], ['create']))).toEqual(['orders', 'other']);
    expect(existingTables(plan(null, ['create']))).toEqual([]);
    expect(createsExistingTable(plan(['orders'], ['create']), TABLE, 'orders')).toBe(true);
    expect(createsExistingTable(plan(['other'], ['create']), TABLE, 'orders')).toBe(false);
    expect(createsExistingTable(plan(['orders'], ['create'], true), TABLE, 'orders')).toBe(false); // imported, not created
    expect(createsExistingTable(plan(['orders'], ['delete', 'create']), TABLE, 'orders')).toBe(false); // a replacement
    expect(createsExistingTable(plan(['orders'], ['update']), TABLE, 'orders')).toBe(false);
  });

  test('is reported with --adopt, and with the backup state when that holds the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planton-live-'));
    try {
      expect(backupHoldsTable(dir, 'orders')).toBe(false);
      writeFileSync(join(dir, 'terraform.tfstate.backup'), JSON.stringify({ resources: [{ mode: 'managed', type: 'aws_dynamodb_table', instances: [{ attributes: { name: 'orders' } }] }] }));
      expect(backupHoldsTable(dir, 'orders')).toBe(true);
      expect(backupHoldsTable(dir, 'other')).toBe(false);
      expect(unknownLiveTableMessage('orders', dir, true)).toBe(
        `planton: table 'orders' already exists, but the state in ${dir} does not hold it, so the plan would create it again (and AWS would refuse).\n` +
          '  If this manifest manages that table, take it into state with `--adopt` (planton tofu apply --adopt).\n' +
          `  ${dir}/terraform.tfstate.backup holds the table: if the state was lost by mistake, copy that file to ${dir}/terraform.tfstate instead.\n`,
      );
      expect(unknownLiveTableMessage('orders', dir, false)).not.toContain('backup');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

test('the create marker names its table and is gone once cleared', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planton-intent-'));
  try {
    expect(pendingCreate(dir, 'orders')).toBe(false);
    recordCreateIntent(dir, 'orders');
    expect(pendingCreate(dir, 'orders')).toBe(true);
    expect(pendingCreate(dir, 'other')).toBe(false);
    clearCreateIntent(dir);
    expect(pendingCreate(dir, 'orders')).toBe(false);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a key type difference held in the state\'s outputs is seen without a plan change; none, [] or no state is not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planton-keys-'));
  const state = (outputs: object) => writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify({ version: 4, outputs }));
  try {
    expect(keyTypeDriftInState(dir)).toBe(false);
    state({ key_type_drift: { value: [] } });
    expect(keyTypeDriftInState(dir)).toBe(false);
    state({ table_name: { value: 't' } });
    expect(keyTypeDriftInState(dir)).toBe(false);
    state({ key_type_drift: { value: [{ key: 'hash_key', index: null, attribute: 'id', live_type: 'S', type: 'N', replaces_table: true }] } });
    expect(keyTypeDriftInState(dir)).toBe(true);
    writeFileSync(join(dir, 'terraform.tfstate'), '{trunc');
    expect(keyTypeDriftInState(dir)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
