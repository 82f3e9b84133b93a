// Build: bundle src/ into dist/ with esbuild. Loading ~100 separate ESM and CommonJS files cost a cold
// `planton validate` more than the validation itself; one bundle with lazily loaded chunks (tofu,
// local, import are only loaded by the commands that need them) starts about a third faster.
// Type checking is `npm run lint` (tsc); esbuild only strips types.
//
// Two builds: the full CLI as ES modules (bin.js and its chunks), and the `planton` command itself,
// dist/planton.cjs, with dist/validate.cjs beside it: CommonJS, because Node 20 can keep V8's code
// cache only for scripts it compiles through node:vm (src/startup/code-cache.ts), and a CommonJS
// entry starts a few milliseconds sooner than an ES module one.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const dist = new URL('../dist', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });
const common = { outdir: dist, bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
await build({
  ...common,
  // bin is the full CLI, main its error boundary (for the fast path's failures); the other two are
  // entry points of their own for bench/ (in-process throughput, start-up).
  // src/files/paths.ts finds the package root as the nearest folder above its file with a package.json.
  entryPoints: { bin: 'src/bin.ts', main: 'src/main.ts', 'api-manifest': 'src/manifest/index.ts', 'api-local-server': 'src/local/server.ts' },
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __plantonCreateRequire } from 'node:module'; const require = __plantonCreateRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: { planton: 'src/launch.ts', validate: 'src/startup/validate-fast.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // Only kustomize and tofu run processes, and the fast path takes neither (src/startup/validate-argv.ts):
  // leaving execa out keeps a third of the bundle unread on every start.
  external: ['execa'],
  // The ES module code's import.meta.url, in CommonJS terms.
  define: { 'import.meta.url': '__plantonModuleUrl' },
  banner: { js: "var __plantonModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
