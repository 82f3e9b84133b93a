#!/usr/bin/env node
// Writes tf-module/README.md's Inputs and Outputs tables from the module's variable and output blocks
// (variables.tf and outputs.tf first, then the other .tf files), between
// the <!-- BEGIN_INPUTS --> / <!-- END_INPUTS --> and <!-- BEGIN_OUTPUTS --> / <!-- END_OUTPUTS -->
// markers, so the tables never drift from the module. `--check` writes nothing and exits 1 when the
// README is stale (the module test runs it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated-file.mjs';

const moduleDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tf-module');

/** Top-level blocks of one kind (`variable "x" { … }`), each with its two-space-indented attributes. */
export function blocks(hcl, kind) {
  const found = [];
  const re = new RegExp(`^${kind} "([^"]+)" \\{\\n([\\s\\S]*?)^\\}`, 'gm');
  for (const m of hcl.matchAll(re)) found.push({ name: m[1], attrs: attributes(m[2]) });
  return found;
}

/** `  key = value` at the block's own level; a value runs on over deeper-indented lines. Nested blocks and
 *  comment lines (such as the generated-region markers) are skipped. */
function attributes(body) {
  const attrs = {};
  const lines = body.split('\n').filter((line) => !/^\s*#/.test(line));
  for (let i = 0; i < lines.length; i++) {
    const head = /^ {2}(\w+)\s*=\s*(.*)$/.exec(lines[i]);
    if (!head) continue;
    let value = head[2].trim();
    while (i + 1 < lines.length && /^( {3,}| {2}[\])}])/.test(lines[i + 1])) {
      const next = lines[++i].trim();
      // HCL separates object attributes by newlines; on one line they need commas.
      value += /[[({,]$/.test(value) || /^[\])}]/.test(next) ? next : `, ${next}`;
    }
    attrs[head[1]] = value.replace(/\s+/g, ' ');
  }
  return attrs;
}

const cell = (text) => text.replace(/\|/g, '\\|');
const code = (text) => '`' + cell(text) + '`';
const unquote = (text) => (text.startsWith('"') ? JSON.parse(text) : text);

export function inputsTable(variablesTf) {
  const rows = blocks(variablesTf, 'variable').map(({ name, attrs }) => {
    const def = attrs.default === undefined ? 'required' : code(attrs.default);
    return `| ${code(name)} | ${cell(unquote(attrs.description ?? ''))} | ${code(attrs.type ?? 'any')} | ${def} |`;
  });
  return ['| name | description | type | default |', '|---|---|---|---|', ...rows].join('\n');
}

export function outputsTable(outputsTf) {
  const rows = blocks(outputsTf, 'output').map(({ name, attrs }) => `| ${code(name)} | ${cell(unquote(attrs.description ?? ''))} |`);
  return ['| name | description |', '|---|---|', ...rows].join('\n');
}

function between(text, marker, content) {
  const re = new RegExp(`(<!-- BEGIN_${marker} -->\\n)[\\s\\S]*?(<!-- END_${marker} -->)`);
  if (!re.test(text)) throw new Error(`tf-module/README.md has no <!-- BEGIN_${marker} --> … <!-- END_${marker} --> markers`);
  return text.replace(re, (_, begin, end) => begin + content + '\n' + end);
}

export function renderReadme(readme, variablesTf, outputsTf) {
  return between(between(readme, 'INPUTS', inputsTable(variablesTf)), 'OUTPUTS', outputsTable(outputsTf));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = join(moduleDir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  // Variables and outputs may live in any .tf file of the module (live.tf holds live_table).
  const all = readdirSync(moduleDir).filter((f) => f.endsWith('.tf')).sort();
  const text = (first) => [first, ...all.filter((f) => f !== first)].map((f) => readFileSync(join(moduleDir, f), 'utf8')).join('\n');
  writeOrCheck(readmePath, readme, renderReadme(readme, text('variables.tf'), text('outputs.tf')), 'tf-module/README.md');
}
