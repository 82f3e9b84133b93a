// terraform's own "Plan: N to add, N to change, N to destroy." from the plan JSON: managed resources
// only, a replacement counting once as added and once as destroyed, as terraform counts them.
import type { TerraformPlanJson } from './plan-json.js';

export function resourceCounts(plan: TerraformPlanJson): { add: number; change: number; destroy: number } {
  const counts = { add: 0, change: 0, destroy: 0 };
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const actions = rc.change.actions;
    if (actions.includes('create')) counts.add++;
    if (actions.includes('delete')) counts.destroy++;
    if (actions.includes('update')) counts.change++;
  }
  return counts;
}
