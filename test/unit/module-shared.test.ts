// tf-module/variables.tf's marked regions are generated from tf-module/variables.shared.hcl and kept current.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { parseFragments, render } from '../../scripts/gen-module-shared.mjs';
import { repoRoot } from '../helpers/repo.js';

type Fragments = Map<string, string>;
const parse = parseFragments as (text: string) => Fragments;
const fill = render as (variablesTf: string, fragments: Fragments) => string;

const SHARED = `# header comments before the first fragment are not a fragment

# ---- pair.type
low  = number
high = number

# ---- pair.condition
{{subject}} == null || try(
  {{subject}}.low <= {{subject}}.high,
false)

# ---- pair.validation
validation {
  condition     = alltrue([for p in {{subject}} : {{> pair.condition subject=p}}])
  error_message = "{{label}} needs low <= high."
}
`;

const MARKED = `variable "one" {
  type = object({
    # BEGIN shared pair.type (npm run generate)
    stale = true
    # END shared pair.type
  })

  # BEGIN shared pair.validation subject=var.many label=many (npm run generate)
  # END shared pair.validation
}
`;

test('fragments are read by their "# ---- name" lines, without trailing blank lines', () => {
  expect([...parse(SHARED).keys()]).toEqual(['pair.type', 'pair.condition', 'pair.validation']);
  expect(parse(SHARED).get('pair.type')).toBe('low  = number\nhigh = number');
});

test('a region gets its fragment with parameters and includes filled in, indented like its markers', () => {
  expect(fill(MARKED, parse(SHARED))).toBe(`variable "one" {
  type = object({
    # BEGIN shared pair.type (npm run generate)
    low  = number
    high = number
    # END shared pair.type
  })

  # BEGIN shared pair.validation subject=var.many label=many (npm run generate)
  validation {
    condition     = alltrue([for p in var.many : p == null || try(
      p.low <= p.high,
    false)])
    error_message = "many needs low <= high."
  }
  # END shared pair.validation
}
`);
});

test('a region without its END marker, an unknown fragment or a missing parameter is named', () => {
  const fragments = parse(SHARED);
  expect(() => fill('  # BEGIN shared pair.type (npm run generate)\n', fragments)).toThrow('variables.tf line 1: no "# END shared pair.type" at the same indentation');
  expect(() => fill('# BEGIN shared nope (npm run generate)\n# END shared nope\n', fragments)).toThrow('no shared fragment "nope"');
  expect(() => fill('# BEGIN shared pair.validation (npm run generate)\n# END shared pair.validation\n', fragments)).toThrow(
    'shared fragment "pair.validation" needs the parameter subject',
  );
  expect(() => fill('# BEGIN shared pair.type\n# END shared pair.type\n', fragments)).toThrow('variables.tf line 1: malformed or unmatched marker');
});

test('a hand edit inside a region of the real variables.tf is undone by the generator', () => {
  const moduleDir = join(repoRoot, 'tf-module');
  const current = readFileSync(join(moduleDir, 'variables.tf'), 'utf8');
  const edited = current.replace('target_value       = optional(number, 70)', 'target_value       = optional(number, 75)');
  expect(edited).not.toBe(current);
  expect(fill(edited, parse(readFileSync(join(moduleDir, 'variables.shared.hcl'), 'utf8')))).toBe(current);
});

test('tf-module/variables.tf is current (npm run generate rewrites it)', () => {
  expect(() => execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-module-shared.mjs'), '--check'], { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
});
