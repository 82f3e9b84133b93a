// Rules 5, 6, 17: index counts, an LSI needs a table sort key, projections and their attributes.
import { SCHEMA_BOUNDS } from '../../generated/bounds.js';
import { bytes, type Collector, has, list, obj, type Obj, type Path, str } from './collect.js';

const MAX_PROJECTED = 100;

// Rules 5, 6, 17: index counts, LSI needs a table sort key, projections.
export function checkIndexes(c: Collector, spec: Obj, gsis: unknown[], lsis: unknown[]): void {
  const { globalSecondaryIndexes: gsiMax, localSecondaryIndexes: lsiMax } = SCHEMA_BOUNDS.spec;
  if (gsis.length > gsiMax.maxItems) c.add('too-many-global-indexes', ['spec', 'globalSecondaryIndexes'], `${gsis.length} global secondary indexes; a table has at most ${gsiMax.maxItems}`);
  if (lsis.length > lsiMax.maxItems) c.add('too-many-local-indexes', ['spec', 'localSecondaryIndexes'], `${lsis.length} local secondary indexes; a table has at most ${lsiMax.maxItems}`);
  if (lsis.length > 0 && !has(spec, 'sortKey')) {
    c.add('lsi-needs-table-sort-key', ['spec', 'localSecondaryIndexes'], 'local secondary indexes need a table sort key: add spec.sortKey', 'key');
  }
  let total = 0;
  let reported = false;
  const projections = (kind: string, items: unknown[]) =>
    items.forEach((item, i) => {
      const p = obj(obj(item)?.projection);
      if (!p) return;
      const path: Path = ['spec', kind, i, 'projection'];
      const type = str(p.type) ?? 'ALL';
      const nka = p.nonKeyAttributes;
      const attrs = list(nka);
      if (type === 'INCLUDE' && attrs.length === 0) {
        c.add('include-needs-non-key-attributes', has(p, 'nonKeyAttributes') ? [...path, 'nonKeyAttributes'] : [...path, 'type'], 'projection type INCLUDE needs a non-empty nonKeyAttributes list (the attributes to copy into the index)');
      }
      if (type !== 'INCLUDE' && has(p, 'nonKeyAttributes')) {
        c.add('non-key-attributes-need-include', [...path, 'nonKeyAttributes'], `nonKeyAttributes is only for projection type INCLUDE (this one is ${type}); remove it or set type: INCLUDE`, 'key');
      }
      const seen = new Set<string>();
      attrs.forEach((a, j) => {
        if (typeof a !== 'string') return;
        const n = bytes(a);
        if (n === 0) c.add('attribute-name-empty', [...path, 'nonKeyAttributes', j], 'a non-key attribute name cannot be empty');
        else if (n > 255) c.add('attribute-name-too-long', [...path, 'nonKeyAttributes', j], `attribute name is ${n} bytes of UTF-8; the limit is 255 bytes`);
        if (seen.has(a)) c.add('non-key-attribute-duplicate', [...path, 'nonKeyAttributes', j], `\`${a}\` is listed twice in nonKeyAttributes`);
        seen.add(a);
      });
      total += attrs.length;
      if (total > MAX_PROJECTED && !reported) {
        reported = true;
        c.add('too-many-projected-attributes', [...path, 'nonKeyAttributes'], `this brings the projected non-key attributes, summed over all indexes, to ${total}; the limit is ${MAX_PROJECTED}`);
      }
    });
  projections('globalSecondaryIndexes', gsis);
  projections('localSecondaryIndexes', lsis);
}
