// Values written into Terraform JSON syntax (main.tf.json) as module arguments.

/** JSON-syntax terraform reads strings as templates: keep `${` and `%{` literal, as a tfvars file would. */
export function escapeTemplates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (Array.isArray(value)) return value.map(escapeTemplates);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeTemplates(v)]));
  return value;
}
