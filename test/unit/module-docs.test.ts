// tf-module/README.md's Inputs and Outputs tables are generated from the module's blocks and kept current.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { inputsTable, outputsTable } from '../../scripts/gen-module-docs.mjs';
import { repoRoot } from '../helpers/repo.js';

const HCL = `variable "ttl" {
  description = "Whether items \\"expire\\" | or not."
  type = object({
    # a comment line is not part of the type
    enabled        = bool
    attribute_name = optional(string, "ttl")
  })

  validation {
    condition     = true
    error_message = "never"
  }
}

variable "name" {
  description = "Table name."
  type        = string
  default     = null
}

output "arn" {
  description = "ARN of the table."
  value       = aws_dynamodb_table.this.arn
}
`;

test('a variable row has its description, its one-line type and its default, or "required"', () => {
  expect((inputsTable as (hcl: string) => string)(HCL)).toBe(
    [
      '| name | description | type | default |',
      '|---|---|---|---|',
      '| `ttl` | Whether items "expire" \\| or not. | `object({enabled = bool, attribute_name = optional(string, "ttl")})` | required |',
      '| `name` | Table name. | `string` | `null` |',
    ].join('\n'),
  );
  expect((outputsTable as (hcl: string) => string)(HCL)).toBe(['| name | description |', '|---|---|', '| `arn` | ARN of the table. |'].join('\n'));
});

test('tf-module/README.md is current (npm run generate rewrites it)', () => {
  expect(() => execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-module-docs.mjs'), '--check'], { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
});
