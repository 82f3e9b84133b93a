// The manifest loader: the document pipeline (document/pipeline.ts) with the manifest schema, the
// cross-field rules of docs/contract.md (`rules`) and the AWS spellings of key types for "did you mean".
import type { FileResult } from '../document/diagnostics.js';
import type { AwsDynamodb } from '../generated/manifest.js';
import { validateDocument, type Checks, type ValidatedDocument, type ValidateOptions } from '../document/pipeline.js';
import { AWS_SPELLINGS } from './key-types.js';
import { checkRules } from './rules/index.js';
import type { SchemaName } from '../document/schema.js';

export { MAX_DIAGNOSTICS } from '../document/diagnostics.js';
export type { SchemaName } from '../document/schema.js';
export type { ValidatedDocument, ValidateOptions } from '../document/pipeline.js';

/** Read, parse, `--set` and schema for any shipped schema, without a document's own checks. */
export async function validateDocumentAgainst(schema: SchemaName, opts: ValidateOptions): Promise<ValidatedDocument> {
  return validateDocument(schema, opts);
}

/** The cross-field rules, which speak about a node more precisely than the schema. */
function manifestRules(region: string | undefined): Checks {
  return (value, schemaProblems) => {
    const ruled = checkRules(value, { region });
    // Where a rule and the schema speak about the same node, keep the rule's sentence.
    // (A warning never hides an error: a value can be above a quota and also invalid.)
    const rulePointers = new Set(ruled.filter((r) => r.severity !== 'warning').map((r) => r.pointer));
    return [...schemaProblems.filter((p) => !rulePointers.has(p.pointer)), ...ruled];
  };
}

/** Every problem of a manifest at once, or the manifest with the schema's defaults applied. */
export async function loadManifest(opts: ValidateOptions & { region?: string }): Promise<{ result: FileResult; manifest?: AwsDynamodb }> {
  const out = await validateDocument('manifest', opts, manifestRules(opts.region), AWS_SPELLINGS);
  return { result: out.result, manifest: out.value as AwsDynamodb | undefined };
}
