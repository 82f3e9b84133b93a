// The validator for each schema: the precompiled one when it matches the schema files, else ajv at run time.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import * as precompiled from '../generated/validators.js';
import { schemaDocument, schemaHash, schemaText, stripConditionals, type SchemaName, type SchemaNode } from './schema-document.js';

/** What ajv's compiled and standalone validators have in common. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const compiled = new Map<SchemaName, Validator>();
let ajv: Ajv2020 | undefined;

/** True when src/generated/validators.ts was generated from the schema files on disk. */
export function precompiledIsCurrent(): boolean {
  return precompiled.sourceHash === schemaHash(schemaText('manifest'), schemaText('stack-input'));
}

/**
 * Compiles with ajv at run time: only when the precompiled validators are stale (a schema edited
 * without `node scripts/gen-validators.mjs`). Slower (~200 ms) but always right. The options must
 * match the generator's.
 */
export function compileNow(name: SchemaName): Validator {
  const require = createRequire(import.meta.url);
  if (!ajv) {
    const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const formats = require('ajv-formats') as { default: (a: Ajv2020, f: string[]) => void };
    ajv = new AjvClass({ allErrors: true, strict: true, useDefaults: true, keywords: ['markdownDescription', 'defaultSnippets'] });
    formats.default(ajv, ['date-time']);
    const manifest = stripConditionals(schemaDocument('manifest')) as SchemaNode;
    ajv.addSchema({ ...manifest, $id: (manifest.$id as string | undefined) ?? 'aws-dynamodb.schema.json' });
  }
  if (name === 'manifest') return ajv.getSchema('aws-dynamodb.schema.json') as Validator;
  return ajv.compile(stripConditionals(schemaDocument(name)) as SchemaNode) as Validator;
}

/** The validator for a schema, once per process (the function itself is immutable). */
export function validatorFor(name: SchemaName): Validator {
  let fn = compiled.get(name);
  if (!fn) {
    fn = precompiledIsCurrent() ? ((name === 'manifest' ? precompiled.manifest : precompiled.stackInput) as Validator) : compileNow(name);
    compiled.set(name, fn);
  }
  return fn;
}
