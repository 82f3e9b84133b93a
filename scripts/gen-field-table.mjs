#!/usr/bin/env node
// Writes README.md's field table from the field catalogue (src/catalogue/) between the
// <!-- BEGIN_FIELDS --> / <!-- END_FIELDS --> markers. `--check` writes nothing and exits 1 when the
// README is stale (test/unit/catalogue checks the same in-process).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated-file.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The catalogue is TypeScript: esbuild strips the types in memory, and the module is imported from a data URL.
const bundled = await build({ entryPoints: [join(root, 'src', 'catalogue', 'readme-table.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
const { withFieldTable } = await import('data:text/javascript;base64,' + Buffer.from(bundled.outputFiles[0].text).toString('base64'));

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
writeOrCheck(readmePath, readme, withFieldTable(readme), "README.md's field table");
