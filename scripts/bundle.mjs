// Build: bundle src/ into dist/ with esbuild. Loading ~100 separate ESM and CommonJS files cost a cold
// `planton validate` more than the validation itself; one bundle with lazily loaded chunks (tofu,
// local, import are only loaded by the commands that need them) starts about a third faster.
// Type checking is `npm run lint` (tsc); esbuild only strips types.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const dist = new URL('../dist', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });
await build({
  // bin is the CLI; the other two are entry points of their own for bench/ (in-process throughput, start-up).
  // src/files/paths.ts finds the package root as the nearest folder above its file with a package.json.
  entryPoints: { bin: 'src/bin.ts', 'api-manifest': 'src/manifest/index.ts', 'api-local-server': 'src/local/server.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: { js: "import { createRequire as __plantonCreateRequire } from 'node:module'; const require = __plantonCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
