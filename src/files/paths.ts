// Files shipped inside the package, found from this module's own location, never from the cwd.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The installed package root: dist/paths.js → .. */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..');
export const schemaDir: string = join(packageRoot, 'schema');
export const manifestSchemaPath: string = join(schemaDir, 'aws-dynamodb.schema.json');
export const stackInputSchemaPath: string = join(schemaDir, 'stack-input.schema.json');
export const tfModuleDir: string = join(packageRoot, 'tf-module');
