// Files shipped inside the package, found from this module's own location, never from the cwd.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The nearest folder above `from` that holds a package.json: dist/ when bundled, src/files/ under ts-jest. */
function rootAbove(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The installed package root. */
export const packageRoot: string = rootAbove(dirname(fileURLToPath(import.meta.url)));
export const schemaDir: string = join(packageRoot, 'schema');
export const manifestSchemaPath: string = join(schemaDir, 'aws-dynamodb.schema.json');
export const stackInputSchemaPath: string = join(schemaDir, 'stack-input.schema.json');
export const tfModuleDir: string = join(packageRoot, 'tf-module');
