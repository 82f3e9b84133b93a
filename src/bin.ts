#!/usr/bin/env node
import { main } from './main.js';
import { cliProcessIo } from './process/cli-process.js';

const io = cliProcessIo();
process.exitCode = await main(process.argv.slice(2), io);
