// `npm run planton -- <args>` from a checkout: the built CLI, using the machine's offline provider
// mirror (/opt/tf-plugins) when it has one and PLANTON_PLUGIN_DIR is not set, so the README's first
// command also works where registry.terraform.io cannot be reached. Installed users run `planton`.
import { existsSync } from 'node:fs';

const MIRROR = '/opt/tf-plugins';
if (!process.env.PLANTON_PLUGIN_DIR && existsSync(MIRROR)) process.env.PLANTON_PLUGIN_DIR = MIRROR;
await import('../dist/bin.js');
