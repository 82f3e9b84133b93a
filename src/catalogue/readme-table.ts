// The README's field table ("Fields and what AWS does when they change"), rendered from the field
// catalogue. scripts/gen-field-table.mjs writes it between the README's BEGIN_FIELDS/END_FIELDS markers.
import { TO_ON_DEMAND_LIMIT } from './aws-facts.js';
import { FIELDS, type Field, type OnChange } from './fields.js';

const ON_CHANGE: Record<OnChange, string> = {
  'in-place': 'updated in place; the table stays available',
  'online-backfill': 'updated in place; a new or re-keyed index is backfilled online while the table stays available',
  'replaces-table': '**replaces the table: every item is deleted** (apply stops unless `--allow-replace`)',
};

/** What the table adds for one field beyond its kind of change. */
const NOTES: Record<string, string> = {
  'spec.billingMode': TO_ON_DEMAND_LIMIT,
  // The provider never compares key types: planton reads the live table at plan time (src/plan/key-types.ts).
  'spec.partitionKey.type':
    'planton compares them with the live table, since the provider does not; a GSI key type change alone keeps the table but stops apply: remove the index, apply, add it back with the new type, apply',
  'spec.ttl': 'renaming the attribute while TTL is on stops at plan time: turn TTL off, apply, then rename (AWS allows one TTL change per table per hour)',
};

const code = (text: string): string => '`' + text + '`';

function paths(f: Field): string {
  if (f.attribute === 'name') return `${code('spec.tableName')} or ${code('metadata.name')}`;
  if (f.attribute === 'attribute') return 'the `type` of every key (`spec.partitionKey`, `spec.sortKey`, index keys)';
  return code(f.path);
}

function row(f: Field): string {
  const holder = f.attribute !== undefined ? code(f.attribute) : `(${code(f.resource ?? '')})`;
  const change = NOTES[f.path] ? `${ON_CHANGE[f.onChange]}; ${NOTES[f.path]}` : ON_CHANGE[f.onChange];
  return `| ${paths(f)} | ${f.tfvars.map(code).join(', ')} | ${holder} | ${f.label} | ${change} |`;
}

export function fieldTable(): string {
  return [
    '| manifest | module variables | `aws_dynamodb_table` attribute (or resource) | named in plans as | when it changes |',
    '|---|---|---|---|---|',
    ...FIELDS.map(row),
  ].join('\n');
}

/** `readme` with the field table between its markers; throws when the markers are missing. */
export function withFieldTable(readme: string): string {
  const re = /(<!-- BEGIN_FIELDS -->\n)[\s\S]*?(<!-- END_FIELDS -->)/;
  if (!re.test(readme)) throw new Error('README.md has no <!-- BEGIN_FIELDS --> … <!-- END_FIELDS --> markers');
  return readme.replace(re, (_, begin: string, end: string) => begin + fieldTable() + '\n' + end);
}
