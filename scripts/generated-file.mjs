// Shared tail of the README generators: write `fresh` when it differs, or with --check write nothing
// and exit 1 when the file is stale.
import { writeFileSync } from 'node:fs';

export function writeOrCheck(path, current, fresh, name) {
  if (fresh === current) return;
  if (process.argv.includes('--check')) {
    process.stderr.write(`${name} is stale: run \`npm run generate\` and commit it\n`);
    process.exit(1);
  }
  writeFileSync(path, fresh);
}
