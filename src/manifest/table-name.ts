// The names AWS allows for a table and for an index (docs/contract.md `rules` rule 2). The JSON
// Schemas and tf-module/variables.tf spell the same pattern in their own languages; a unit test keeps
// the schemas equal to this one.

/** The characters and length, without anchors, as messages quote it. */
export const NAME_PATTERN = '[A-Za-z0-9_.-]{3,255}';

/** A whole table or index name. */
export const NAME_RE = new RegExp(`^${NAME_PATTERN}$`);
