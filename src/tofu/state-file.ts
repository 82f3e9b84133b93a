// A local state file terraform cannot read (truncated by a full disk, cut by a crash of another tool,
// a bad merge). terraform reports it inside its "Error acquiring the state lock", which reads like a
// lock held by another run; planton names the damaged file instead, and the backup terraform keeps
// beside it. planton never rewrites either file: which state is right is the user's call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_FILE_NAME = 'terraform.tfstate';
export const BACKUP_STATE_FILE_NAME = `${STATE_FILE_NAME}.backup`;

/** The parts of a local state file that planton reads itself. */
export interface LocalState {
  version?: number;
  serial?: number;
  lineage?: string;
  outputs?: Record<string, { value?: unknown }>;
  resources?: { mode?: string; type?: string; instances?: { attributes?: Record<string, unknown> }[] }[];
}

/** A local state file of `workDir` parsed, or undefined when it is missing, unreadable or not a JSON object. */
export function readLocalState(workDir: string, file = STATE_FILE_NAME): LocalState | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(workDir, file), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as LocalState) : undefined;
  } catch {
    return undefined;
  }
}

/** The state's outputs as `output -json` prints them, when planton can read them itself: state format 4
 *  (what terraform and OpenTofu write; null outputs are left out of it, as output -json leaves them). */
export function localStateOutputs(workDir: string): Record<string, { value?: unknown }> | undefined {
  const state = readLocalState(workDir);
  return state?.version === 4 && state.outputs !== null && typeof state.outputs === 'object' ? state.outputs : undefined;
}

/** undefined when the file is missing, empty (terraform reads that as no state) or a state; else what is wrong. */
export function stateFileProblem(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // missing, or unreadable: terraform's own error says so
  }
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not a JSON object';
  if (typeof (parsed as { version?: unknown }).version !== 'number') return 'no "version" field';
  return undefined;
}

/** The sentence for a damaged local state in `workDir`, or undefined when its state file reads fine. */
export function damagedStateMessage(workDir: string): { message: string; hint: string } | undefined {
  const state = join(workDir, STATE_FILE_NAME);
  const problem = stateFileProblem(state);
  if (problem === undefined) return undefined;
  return { message: `the state file ${state} is damaged (${problem}), not locked by another run; planton leaves it as it is`, hint: backupHint(workDir) };
}

function backupHint(workDir: string): string {
  const state = join(workDir, STATE_FILE_NAME);
  const backup = join(workDir, BACKUP_STATE_FILE_NAME);
  const ownCopy = 'restore the state from a copy of your own (version control, a file backup) and run again.';
  let text: string;
  try {
    text = readFileSync(backup, 'utf8');
  } catch {
    return `There is no ${BACKUP_STATE_FILE_NAME} beside it: ${ownCopy}`;
  }
  const backupProblem = text.trim() === '' ? 'empty' : stateFileProblem(backup);
  if (backupProblem !== undefined) return `${backup} is damaged too (${backupProblem}): ${ownCopy}`;
  return `${backup} holds the state from before its last write: if it is the one you want, copy it over ${state} and run again.`;
}
