// `npm run planton -- <args>` from a checkout: builds dist/ (esbuild, a fraction of a second; `npm ci`
// does not build since the build moved to `prepack`), then runs the CLI, using the machine's offline
// provider mirror (/opt/tf-plugins) when it has one and PLANTON_PLUGIN_DIR is not set, so the README's
// first command also works where registry.terraform.io cannot be reached. Installed users run `planton`.
import { existsSync } from 'node:fs';

const MIRROR = '/opt/tf-plugins';
if (!process.env.PLANTON_PLUGIN_DIR && existsSync(MIRROR)) process.env.PLANTON_PLUGIN_DIR = MIRROR;
await import('./bundle.mjs');
// dist/planton.cjs is the `planton` command an install gets (the validate fast path, then the full CLI).
await import('../dist/planton.cjs');
