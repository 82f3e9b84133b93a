// The process set-up every way into the CLI shares (bin.ts, and the validate fast path of launch.ts):
// a closed pipe ends planton quietly, ending signals are answered, and the Io is the process's own.
import { processIo, type Io } from '../io.js';
import { colorWanted } from '../terminal/color-choice.js';
import { handleEndingSignals } from './signals.js';

export function cliProcessIo(): Io {
  // `planton … | head` closes the pipe early: that ends planton quietly, like other command-line tools.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  handleEndingSignals();
  return processIo(colorWanted(process.argv, process.env, process.stdout.isTTY === true));
}
