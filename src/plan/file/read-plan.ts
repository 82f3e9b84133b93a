// A saved plan file read by planton itself, so the summary in manifest terms needs no `terraform show
// -json` (which starts the provider again, ~2 s): the changes from the `tfplan` member (tfplan.ts),
// and the refreshed prior state from `tfstate` (the data source reads live-table.ts looks at).
import { readFileSync } from 'node:fs';
import type { TerraformPlanJson } from '../plan-json.js';
import { decodeTfplan } from './tfplan.js';
import { zipMember } from './zip.js';

/** terraform's version when planton reads its plan files itself; undefined for OpenTofu's, or any with
 *  PLANTON_ASK_TOFU=1, which the binary shows (`show -json`). One rule for every plan planton reads. */
export function ownPlanReading(binary: { name: string; version: string }, env: NodeJS.ProcessEnv): string | undefined {
  return binary.name === 'terraform' && env.PLANTON_ASK_TOFU !== '1' ? binary.version : undefined;
}

interface StateResource {
  module?: string;
  mode?: string;
  type?: string;
  name?: string;
  instances?: { index_key?: string | number; attributes?: Record<string, unknown> }[];
}

/** The state's `{"value": v, "type": t}` of a dynamically typed attribute (show -json prints v), or an
 *  object or map that only looks like one: without the provider's schema the two cannot be told apart. */
function dynamicLike(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(dynamicLike);
  if (v === null || typeof v !== 'object') return false;
  const keys = Object.keys(v);
  if (keys.length === 2 && keys.includes('value') && keys.includes('type')) return true;
  return Object.values(v).some(dynamicLike);
}

/** show -json's `prior_state.values.root_module.resources`, for the root module's resources. */
function rootResources(state: { resources?: StateResource[] }): object[] {
  const out: object[] = [];
  for (const r of state.resources ?? []) {
    if (r.module !== undefined || !r.type || !r.name) continue;
    const base = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
    for (const i of r.instances ?? []) {
      const address = i.index_key === undefined ? base : `${base}[${JSON.stringify(i.index_key)}]`;
      if (dynamicLike(i.attributes)) throw new Error(`${address} may hold a dynamically typed value`);
      out.push({ address, mode: r.mode, type: r.type, name: r.name, ...(i.index_key === undefined ? {} : { index: i.index_key }), values: i.attributes ?? {} });
    }
  }
  return out;
}

/** The plan in `file`, made by terraform `version`; throws when any part is not what planton reads exactly. */
export function readSavedPlan(file: string, version: string): TerraformPlanJson {
  const zip = readFileSync(file);
  const tfplan = zipMember(zip, 'tfplan');
  const tfstate = zipMember(zip, 'tfstate');
  if (!tfplan || !tfstate) throw new Error('the plan file has no tfplan or tfstate');
  const plan = decodeTfplan(tfplan, version);
  const state = JSON.parse(tfstate.toString('utf8')) as { resources?: StateResource[] };
  return { ...plan, prior_state: { values: { root_module: { resources: rootResources(state) } } } } as TerraformPlanJson;
}
