// The end-to-end files (terraform, DynamoDB Local) take 10-180 s each, the unit files under a second.
// Jest starts the slowest files first only when its cache holds their durations; on a fresh machine (CI)
// it goes by file size, and a short file that runs long (walk.test.ts is 30 lines and 80 s) would start
// last and run alone while the other worker idles. So the known slow files go first, longest first (as
// measured in a full run, docs/development.md), then the rest of the slow directories, then the unit
// files, each group in jest's own order.
const Sequencer = require('@jest/test-sequencer').default;

const LONGEST_FIRST = [
  'e2e/fleet-verdicts',
  'faults/tofu-faults',
  'e2e/walk',
  'e2e/converge',
  'e2e/live-checks',
  'e2e/local',
  'e2e/fleet',
  'e2e/plan-explain',
  'e2e/team',
  'e2e/import',
  'faults/lifetime',
  'e2e/driver',
  'e2e/project-planton',
  'e2e/package',
];
const SLOW = /[\\/]test[\\/](e2e|faults|module)[\\/]/;

/** Place of a file in LONGEST_FIRST, or its length when it is not listed. */
const rank = (path) => {
  const i = LONGEST_FIRST.findIndex((name) => path.replace(/\\/g, '/').endsWith(`/test/${name}.test.ts`));
  return i === -1 ? LONGEST_FIRST.length : i;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    const slow = ordered.filter((t) => SLOW.test(t.path));
    // Array.prototype.sort is stable: unlisted slow files keep jest's order among themselves.
    slow.sort((a, b) => rank(a.path) - rank(b.path));
    return [...slow, ...ordered.filter((t) => !SLOW.test(t.path))];
  }
}

module.exports = SlowFirstSequencer;
