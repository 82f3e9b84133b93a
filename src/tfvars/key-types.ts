// Key attribute types and the attribute list DynamoDB needs. Attribute definitions are derived from
// the keys, never written by the user, so "every attribute must be indexed" holds by construction.
import type { AwsDynamodb, KeyAttribute } from '../generated/manifest.js';
import { ATTRIBUTE_TYPE, type AttributeType } from '../manifest/key-types.js';

export { ATTRIBUTE_TYPE, type AttributeType, type ScalarType } from '../manifest/key-types.js';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
}

/** Every key of the table, then of each GSI, then of each LSI, in manifest order. */
export function keyAttributes(manifest: AwsDynamodb): KeyAttribute[] {
  const { spec } = manifest;
  const keys: KeyAttribute[] = [spec.partitionKey];
  if (spec.sortKey) keys.push(spec.sortKey);
  for (const gsi of spec.globalSecondaryIndexes ?? []) {
    keys.push(gsi.partitionKey);
    if (gsi.sortKey) keys.push(gsi.sortKey);
  }
  for (const lsi of spec.localSecondaryIndexes ?? []) keys.push(lsi.sortKey);
  return keys;
}

/**
 * The deduplicated `attribute` list: one entry per key attribute name, in order of first use.
 * Validation (docs/contract.md `rules` rule 3) guarantees one type per name; a conflict here is a planton bug.
 */
export function deriveAttributes(manifest: AwsDynamodb): AttributeDefinition[] {
  const seen = new Map<string, AttributeType>();
  for (const key of keyAttributes(manifest)) {
    const type = ATTRIBUTE_TYPE[key.type];
    const known = seen.get(key.name);
    if (known === undefined) seen.set(key.name, type);
    else if (known !== type) {
      throw new Error(`attribute ${JSON.stringify(key.name)} is used as both ${known} and ${type}; validation should have rejected this manifest`);
    }
  }
  return [...seen].map(([name, type]) => ({ name, type }));
}
