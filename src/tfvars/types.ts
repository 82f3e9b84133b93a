// The shapes of the tfvars, all cut from the one type generated from tf-module/variables.tf
// (src/generated/tfvars.ts, npm run generate): a variable changed in the module changes them here.
import type { Tfvars } from '../generated/tfvars.js';

export type { Tfvars };

type Element<T> = T extends readonly (infer E)[] ? E : never;

export type GsiVars = Element<NonNullable<Tfvars['global_secondary_indexes']>>;
export type LsiVars = Element<NonNullable<Tfvars['local_secondary_indexes']>>;
/** One autoscaled dimension: the table's read or write side, or an index's. */
export type AutoscalingVars = NonNullable<Tfvars['autoscaling_read']>;
/** A GSI's on-demand limits: the keys the manifest sets. */
export type OnDemandVars = NonNullable<GsiVars['on_demand_throughput']>;
