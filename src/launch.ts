#!/usr/bin/env node
// The `planton` command (dist/planton.cjs). A cold `planton validate` is the command people and
// editors run most: it loads dist/validate.cjs through V8's code cache and never loads commander or
// anything tofu-related. Every other command line, and any validate call the fast path does not read
// exactly (help, a mistake, a URL, stdin, kustomize), goes to the full CLI (dist/bin.js).
import nodeModule from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir, loadBundle } from './startup/code-cache.js';
import { fastValidateArgs } from './startup/validate-argv.js';

type FastBundle = typeof import('./startup/validate-fast.js');
const distFile = (name: string) => join(__dirname, name);
const esm = (name: string) => import(pathToFileURL(distFile(name)).href);

const fast = fastValidateArgs(process.argv.slice(2));
if (fast) {
  const bundle = loadBundle(distFile('validate.cjs'), process.env);
  const { validate, cliProcessIo } = bundle.exports as FastBundle;
  const io = cliProcessIo();
  validate(fast, io)
    .then(
      (code) => (process.exitCode = code),
      // The CLI's one error boundary words the failure, loaded only when there is one.
      async (err: unknown) => {
        const { exitCodeFor } = (await esm('main.js')) as typeof import('./main.js');
        process.exitCode = exitCodeFor(err, io);
      },
    )
    .finally(() => bundle.save());
} else {
  // Node 22.1+: the same cache for the ES modules of the full CLI.
  const { enableCompileCache } = nodeModule as { enableCompileCache?: (dir: string) => unknown };
  const dir = enableCompileCache ? cacheDir(process.env) : undefined;
  if (enableCompileCache && dir) enableCompileCache(dir);
  void esm('bin.js');
}
