// A table that exists in DynamoDB while the state does not hold it: the state was lost or emptied, or
// an apply was interrupted after CreateTable. A plan would "create" it and apply would fail with
// "Cannot create preexisting table". planton tells the two apart with the existence the root module
// reads at plan time (root-module.ts), and for its own interrupted creates a marker (create-intent.ts).
import { join } from 'node:path';
import { KEY_TYPE_DRIFT_OUTPUT } from '../plan/key-types.js';
import type { TerraformPlanJson } from '../plan/plan-json.js';
import { BACKUP_STATE_FILE_NAME, localStateOutputs, readLocalState } from '../tofu/state-file.js';
import { EXISTING_TABLES, STATE_FILE } from './root-module.js';

export const BACKUP_STATE_FILE = BACKUP_STATE_FILE_NAME;

interface PlanValues {
  prior_state?: { values?: { root_module?: { resources?: { address?: string; values?: { names?: unknown } }[] } } };
}

/** Table names the plan saw in the region (the ListTables read at plan time), or undefined when the plan did not read them. */
export function existingTables(plan: TerraformPlanJson): string[] | undefined {
  const resources = (plan as PlanValues).prior_state?.values?.root_module?.resources ?? [];
  const found = resources.find((r) => r.address === EXISTING_TABLES);
  if (!found) return undefined;
  const names = found.values?.names;
  return Array.isArray(names) ? names.map(String) : [];
}

/** True when the plan creates `address` (not imports it) while a table of that name already exists. */
export function createsExistingTable(plan: TerraformPlanJson, address: string, tableName: string): boolean {
  const rc = (plan.resource_changes ?? []).find((r) => r.address === address);
  if (!rc || rc.change.importing || !rc.change.actions.includes('create') || rc.change.actions.includes('delete')) return false;
  return (existingTables(plan) ?? []).includes(tableName);
}

/** Whether a local state file of the work directory (the state by default) holds the managed table. */
export function stateHoldsTable(workDir: string, tableName: string, file = STATE_FILE): boolean {
  const resources = readLocalState(workDir, file)?.resources;
  return (Array.isArray(resources) ? resources : []).some(
    (r) => r.mode === 'managed' && r.type === 'aws_dynamodb_table' && (r.instances ?? []).some((i) => i.attributes?.name === tableName),
  );
}

/** Whether the local backup state (written by terraform before each state change) holds the table. */
export function backupHoldsTable(workDir: string, tableName: string): boolean {
  return stateHoldsTable(workDir, tableName, BACKUP_STATE_FILE);
}

/** Whether the local state's outputs hold a key type difference (tf-module/outputs.tf `key_type_drift`):
 *  then a plan that finds the same difference again changes no output and exits 0. */
export function keyTypeDriftInState(workDir: string): boolean {
  const value = localStateOutputs(workDir)?.[KEY_TYPE_DRIFT_OUTPUT]?.value;
  return Array.isArray(value) && value.length > 0;
}

/** What planton says when the plan would create a table that is already there. */
export function unknownLiveTableMessage(tableName: string, workDir: string, backupHolds: boolean): string {
  const lines = [
    `planton: table '${tableName}' already exists, but the state in ${workDir} does not hold it, so the plan would create it again (and AWS would refuse).`,
    `  If this manifest manages that table, take it into state with \`--adopt\` (planton tofu apply --adopt).`,
  ];
  if (backupHolds) {
    lines.push(
      `  ${join(workDir, BACKUP_STATE_FILE)} holds the table: if the state was lost by mistake, copy that file to ${join(workDir, STATE_FILE)} instead.`,
    );
  }
  return lines.join('\n') + '\n';
}
