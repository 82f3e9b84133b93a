// The schema stage: ajv (JSON Schema 2020-12) against the shipped schema files, its errors as located-ready
// problems. The schema's if/then/else blocks mirror cross-field rules for editors only; they are removed
// before compiling because the manifest's rules (manifest/rules/) report those better.
import { validatorFor } from './schema-compile.js';
import { toProblems, type Problem } from './schema-problems.js';
import type { SchemaName } from './schema-document.js';
import type { Spellings } from './suggest.js';

export { schemaAt, schemaDocument, schemaHash, stripConditionals, type SchemaName } from './schema-document.js';
export { compileNow, precompiledIsCurrent, validatorFor, type Validator } from './schema-compile.js';
export { toProblems, type Problem } from './schema-problems.js';

/** Runs the schema on `data` (defaults are filled in place) and returns located-ready problems. */
export function schemaProblems(name: SchemaName, data: unknown, spellings: Spellings = {}): Problem[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  return toProblems(name, validate.errors ?? [], data, spellings);
}
