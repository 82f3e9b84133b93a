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
