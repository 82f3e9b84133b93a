// A key attribute's type as the manifest writes it (STRING, NUMBER, BINARY) and as DynamoDB, the AWS
// provider and the module's `attributes` tfvar write it (S, N, B): docs/contract.md `manifest`.
import type { KeyAttribute } from '../generated/manifest.js';

export type ScalarType = KeyAttribute['type'];
export type AttributeType = 'S' | 'N' | 'B';

export const ATTRIBUTE_TYPE: Readonly<Record<ScalarType, AttributeType>> = {
  STRING: 'S',
  NUMBER: 'N',
  BINARY: 'B',
};

/** The manifest's spellings, in the schema's order. */
export const SCALAR_TYPES: readonly ScalarType[] = Object.keys(ATTRIBUTE_TYPE) as ScalarType[];

/** The AWS letters as other spellings of the manifest's (`S` → `STRING`), for the schema's "did you mean". */
export const AWS_SPELLINGS: Readonly<Record<AttributeType, ScalarType>> = Object.fromEntries(SCALAR_TYPES.map((t) => [ATTRIBUTE_TYPE[t], t])) as Record<AttributeType, ScalarType>;

/** `S` → `STRING`; undefined for anything that is not one of the AWS letters. */
export function scalarTypeOf(attributeType: unknown): ScalarType | undefined {
  return SCALAR_TYPES.find((t) => ATTRIBUTE_TYPE[t] === attributeType);
}
