// `planton schema [--stack-input]`: print the shipped JSON Schema so it can be saved or published.
import { readFileSync } from 'node:fs';
import { manifestSchemaPath, stackInputSchemaPath } from '../files/paths.js';
import type { Io } from '../io.js';

export async function schema(opts: { stackInput: boolean }, io: Io): Promise<number> {
  io.stdout(readFileSync(opts.stackInput ? stackInputSchemaPath : manifestSchemaPath, 'utf8'));
  return 0;
}
