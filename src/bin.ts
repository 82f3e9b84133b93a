#!/usr/bin/env node
import { main } from './main.js';
import { processIo } from './io.js';
import { handleEndingSignals } from './process/signals.js';

handleEndingSignals();
const noColor = process.argv.includes('--no-color') || 'NO_COLOR' in process.env;
const io = processIo(!noColor && process.stdout.isTTY === true);
process.exitCode = await main(process.argv.slice(2), io);
