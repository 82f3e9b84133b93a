// The end-to-end files (terraform, DynamoDB Local) take 20-200 s each, the unit files under a second.
// Jest starts the slowest files first only when its cache holds their durations; on a fresh machine (CI)
// it goes by file size, and a long file started last would run alone at the end while the other worker
// idles. So the slow directories go first, each group still in jest's own order.
const Sequencer = require('@jest/test-sequencer').default;

const SLOW = /[\\/]test[\\/](e2e|faults|module)[\\/]/;

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered.filter((t) => SLOW.test(t.path)), ...ordered.filter((t) => !SLOW.test(t.path))];
  }
}

module.exports = SlowFirstSequencer;
