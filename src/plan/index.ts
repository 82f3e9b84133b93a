// The one call the driver makes after `show -json <planfile>`: the analysis (for the replacement
// guard), the text printed after tofu's own plan output, the `--json` document, and the exit code of
// `--detailed-exitcode` (2 = applying would change something, 0 = nothing to do). Drift is part of
// all four: a normal plan refreshes first, so a field changed outside planton shows up in `drift`
// (named by manifest path) and as the change that puts the manifest value back.
import { analysePlan, type AnalyseOptions } from './analyse.js';
import { formatSummary, summaryJson, type SummaryJson } from './explain.js';
import type { TerraformPlanJson } from './plan-json.js';
import type { PlanAnalysis } from './types.js';

export type { Change, ChangeAction, ChangeEffect, PlanAnalysis } from './types.js';
export type { TerraformPlanJson } from './plan-json.js';
export type { SummaryJson } from './explain.js';
export { analysePlan } from './analyse.js';
export { formatSummary, summaryJson } from './explain.js';

export interface ExplainedPlan {
  analysis: PlanAnalysis;
  text: string;
  json: SummaryJson;
  detailedExitCode: 0 | 2;
}

export function explainPlan(plan: TerraformPlanJson, options: AnalyseOptions & { color: boolean }): ExplainedPlan {
  const analysis = analysePlan(plan, { tableNamePath: options.tableNamePath });
  return {
    analysis,
    text: formatSummary(analysis, { color: options.color }),
    json: summaryJson(analysis),
    detailedExitCode: analysis.pending ? 2 : 0,
  };
}
