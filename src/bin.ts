#!/usr/bin/env node
import { main } from './main.js';
import { processIo } from './io.js';
import { colorWanted } from './terminal/color-choice.js';
import { handleEndingSignals } from './process/signals.js';

// `planton … | head` closes the pipe early: that ends planton quietly, like other command-line tools.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
handleEndingSignals();
const io = processIo(colorWanted(process.argv, process.env, process.stdout.isTTY === true));
process.exitCode = await main(process.argv.slice(2), io);
