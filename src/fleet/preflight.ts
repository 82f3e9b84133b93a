// The fleet plan's hook for deciding, before any terraform plan, which manifests need none (for
// example by reading every live table in one terraform run). The results it returns are reported as
// they are; every other manifest gets a real plan. When unsure, it leaves a manifest out.
import type { Io } from '../io.js';
import type { ManifestResult } from './result.js';

/**
 * `files` are the fleet's manifests as the report names them (keys of the returned map). Under
 * --local it runs before the fleet's DynamoDB Local starts, and may start its own on the fleet's
 * data directories (each manifest's own, as a single --local run).
 */
export type Preflight<Options = unknown> = (files: string[], opts: Options, io: Io) => Promise<Map<string, ManifestResult>>;

/** The default: no shortcut, every manifest gets a real plan. */
export const planEverything: Preflight<unknown> = async () => new Map();
