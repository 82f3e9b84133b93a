// `planton tofu apply --adopt` (docs/contract.md, cli): take an existing table of the manifest's name into state
// with an `import {}` block in the generated root module, so the first plan imports it instead of
// creating it. Only the table is imported: the module's other resources (autoscaling targets and
// policies, alarms, resource policy, contributor insights) are written with AWS calls that create or
// overwrite, so planning them as "create" takes them over without a conflict.
import { MODULE_NAME } from './root-module.js';

/** The table's address inside the generated root module. */
export const TABLE_ADDRESS = `module.${MODULE_NAME}.aws_dynamodb_table.this`;

/** Terraform JSON syntax of `import { to = module.dynamodb.aws_dynamodb_table.this  id = "<table>" }`
 *  (the provider imports aws_dynamodb_table by table name). */
export function adoptionImports(tableName: string): { to: string; id: string }[] {
  return [{ to: TABLE_ADDRESS, id: tableName }];
}

/** The root module (renderRootModule's object) with the import block added. Leaving an import block
 *  in place after the import is allowed (https://developer.hashicorp.com/terraform/language/v1.6.x/import:
 *  "you can optionally remove import blocks ... or leave them"), so re-running with --adopt is safe. */
export function withAdoption<T extends object>(root: T, tableName: string): T & { import: { to: string; id: string }[] } {
  return { ...root, import: adoptionImports(tableName) };
}
