// The one exit code of a fleet, as a table: terragrunt's summed -detailed-exitcode broke on exactly
// these mixed cases (#4292, #4931, #5531, #5586), so each is a row.
import { fleetExitCode } from '../../../src/fleet/exit-code.js';
import type { Verdict } from '../../../src/fleet/result.js';

const run = (verdicts: Verdict[], detailed: boolean) => fleetExitCode(verdicts.map((verdict) => ({ verdict })), detailed);

test.each<[string, Verdict[], boolean, number]>([
  ['nothing to run', [], true, 0],
  ['all unchanged', ['no-changes', 'no-changes'], true, 0],
  ['one changed, the rest unchanged', ['no-changes', 'changes', 'no-changes'], true, 2],
  ['one changed, without --detailed-exitcode', ['no-changes', 'changes'], false, 0],
  ['one drifted, the rest unchanged', ['drift', 'no-changes'], true, 2],
  ['one failed and one changed', ['failed', 'changes'], true, 1],
  ['one changed and one failed (order does not matter)', ['changes', 'failed'], true, 1],
  ['one invalid, the rest unchanged', ['invalid', 'no-changes'], true, 1],
  ['one invalid, without --detailed-exitcode', ['invalid'], false, 1],
  ['a refused replacement beside changes', ['refused', 'changes'], true, 1],
  ['a manifest skipped (fail-fast) beside unchanged ones', ['skipped', 'no-changes'], true, 1],
  ['all applied', ['applied', 'applied'], true, 0],
  ['destroyed and refreshed', ['destroyed', 'refreshed'], true, 0],
  ['drift beside a failure', ['drift', 'failed', 'no-changes'], false, 1],
])('%s → %i', (_name, verdicts, detailed, code) => {
  expect(run(verdicts, detailed)).toBe(code);
});
